// The same charts from the same data file, drawn with Chart.js 4.6.1: the
// benchmark's reference. Dispatches `infographic:ready` when all are drawn.
(async () => {
  const root = document.querySelector('[data-reference]');
  const data = await (await fetch(root.dataset.reference)).json();
  const accent = '#b8232f';
  const base = '#7d93a8';
  const fmt = (v, unit, bound) => `${v}${unit}${bound === 'floor' ? '以上' : ''}`;
  // Values at bar ends, as the engine prints them.
  const endLabels = {
    id: 'endLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = 'bold 14px "Noto Sans CJK SC", sans-serif';
      ctx.fillStyle = '#1f1f1f';
      ctx.textBaseline = 'middle';
      const meta = chart.getDatasetMeta(chart.data.datasets.length - 1);
      meta.data.forEach((bar, i) => {
        const label = chart.options.plugins.endLabels.labels[i];
        if (label) ctx.fillText(label, bar.x + 6, bar.y);
      });
      ctx.restore();
    },
  };
  const text = (tag, cls, value) => {
    const el = document.createElement(tag);
    el.className = cls;
    el.textContent = value;
    return el;
  };
  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    const chart = data.charts.find((c) => c.id === figure.dataset.chart);
    figure.append(text('h2', 'ref-title', chart.title), text('p', 'ref-subtitle', chart.subtitle));
    const box = document.createElement('div');
    box.className = 'ref-box';
    figure.append(box);
    if (chart.kind === 'cards') {
      box.className = 'ref-cards';
      for (const item of chart.items) {
        const card = document.createElement('div');
        card.className = 'ref-card';
        card.append(text('b', '', fmt(item.result ?? item.plan, item.unit, item.bound)), text('span', '', item.label));
        box.append(card);
      }
    } else {
      const canvas = document.createElement('canvas');
      box.append(canvas);
      let config;
      if (chart.kind === 'part') {
        box.style.height = '220px';
        const shares = (i) => chart.measures.map((m) => (i < m.parts.length ? m.parts[i] : m.whole - m.parts.reduce((a, b) => a + b, 0)) / m.whole * 100);
        config = {
          type: 'bar',
          data: {
            labels: chart.measures.map((m) => m.label),
            datasets: [...chart.part_labels, chart.rest_label].map((label, i) => ({
              label,
              data: shares(i),
              backgroundColor: i === 0 ? accent : '#d9e1e8',
            })),
          },
          options: { indexAxis: 'y', scales: { x: { stacked: true, max: 100 }, y: { stacked: true } }, plugins: { endLabels: { labels: [] } } },
        };
      } else {
        box.style.height = `${chart.items.length * 56 + 30}px`;
        const values = chart.items.map((i) => i.result ?? i.plan);
        config = {
          type: 'bar',
          data: {
            labels: chart.items.map((i) => i.label),
            datasets: [{ data: values, backgroundColor: chart.items.map((i) => (i.highlight ? accent : base)) }],
          },
          options: {
            indexAxis: 'y',
            scales: { x: { grace: '15%' } },
            plugins: { legend: { display: false }, endLabels: { labels: chart.items.map((i) => fmt(i.result ?? i.plan, i.unit, i.bound)) } },
          },
        };
      }
      config.options.animation = false;
      config.options.responsive = true;
      config.options.maintainAspectRatio = false;
      config.plugins = [endLabels];
      new Chart(canvas, config);
    }
    const foot = document.createElement('div');
    foot.className = 'ref-foot';
    for (const note of chart.notes) foot.append(text('p', '', `注：${note}`));
    foot.append(text('p', '', `${chart.source}　更新于${data.updated}`));
    figure.append(foot);
  }
  document.dispatchEvent(new CustomEvent('infographic:ready'));
})();
