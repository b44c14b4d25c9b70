//! `infographic`: the editors' command-line tool.
//!
//! ```text
//! infographic check www/data/kazuo-2024.json        # list every problem; exit 1 if any
//! infographic render www/data/kazuo-2024.json --out out [--width 640 --width 360]
//! infographic schema [--out www/data/infographic.schema.json]
//! infographic prerender www --out target/site      # pages with every figure filled in
//! ```

// Native only: the wasm size rules of clippy.toml do not apply here.
#![allow(clippy::disallowed_methods)]

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use kazuo_infographic::describe::summary;
    use kazuo_infographic::layout::{framed, ApproxMeasure};
    use kazuo_infographic::markup::escape;
    use kazuo_infographic::model::{load, Document, Problem};
    use kazuo_infographic::render::{to_png, to_svg, Fonts};
    use kazuo_infographic::site::prerender_folder;
    use kazuo_infographic::theme::Theme;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// Gives an SVG document an accessible name and description: `role="img"`
    /// with `<title>` and `<desc>` (read when the SVG is inlined or opened).
    fn titled(svg: &str, title: &str, desc: &str) -> String {
        let end = svg
            .find("<svg")
            .and_then(|i| svg.get(i..).and_then(|t| t.find('>')).map(|j| i + j));
        match end {
            Some(end) => format!(
                "{} role=\"img\" aria-labelledby=\"t d\"><title id=\"t\">{}</title><desc id=\"d\">{}</desc>{}",
                svg.get(..end).unwrap_or(""),
                escape(title),
                escape(desc),
                svg.get(end + 1..).unwrap_or("")
            ),
            None => svg.to_string(),
        }
    }

    /// 喀左时讯图表数据文件工具。Checks and renders infographic data files.
    #[derive(Parser)]
    #[command(name = "infographic", version)]
    struct Args {
        #[command(subcommand)]
        command: Command,
    }

    /// An image format of `render`.
    #[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
    enum Format {
        Svg,
        Png,
    }

    /// The widest image WeChat articles show at full resolution, px.
    const WECHAT_WIDTH: f64 = 1080.0;

    #[derive(Subcommand)]
    enum Command {
        /// 检查数据文件，列出每个问题及其位置。Check data files; exit 1 on any problem.
        Check {
            /// 数据文件。Data files.
            #[arg(required = true)]
            files: Vec<PathBuf>,
        },
        /// 把每个图表连同标题、注释、来源导出为图片：SVG（OUT/ID-WIDTH.svg）或 PNG
        /// （OUT/ID-WIDTH@SCALEx.png，供微信公众号文章与印刷）。
        /// Render every chart with its title, notes and source as SVG or PNG, one file
        /// per chart and width.
        Render {
            /// 数据文件。Data file.
            file: PathBuf,
            /// 输出目录。Output directory.
            #[arg(long)]
            out: PathBuf,
            /// 图宽，CSS 像素，可重复。Width in CSS px; repeat for several.
            #[arg(long = "width", default_values_t = [640.0])]
            widths: Vec<f64>,
            /// 格式：svg 或 png。Image format.
            #[arg(long, value_enum, default_value = "svg")]
            format: Format,
            /// PNG：每 CSS 像素的图像像素数（2 或 3）；图宽至多 1080 像素（微信）。
            /// PNG: image pixels per CSS px; at most 1080 px wide (WeChat), narrower widths
            /// are laid out when width × scale is more.
            #[arg(long, default_value_t = 2.0)]
            scale: f32,
        },
        /// 预渲染：把目录中每个页面的图表（标题、静态图、数据表、注释、来源）写进页面，
        /// 并为每个图表写出可粘贴进任何文章的 HTML 片段（snippets/ID.html）。
        /// Pre-render every page of a folder: each `<figure data-chart="ID">` filled in,
        /// each data file's stylesheet (NAME.css), embed pages (embed-ID.html) and
        /// paste-in snippets (snippets/ID.html).
        Prerender {
            /// 页面所在目录（如 www）。The pages' folder.
            dir: PathBuf,
            /// 输出目录。Output directory.
            #[arg(long)]
            out: PathBuf,
        },
        /// 输出数据文件的 JSON Schema。Print the data file's JSON Schema.
        Schema {
            /// 写入文件而不是标准输出。Write to this file instead of stdout.
            #[arg(long)]
            out: Option<PathBuf>,
        },
    }

    pub fn main() -> ExitCode {
        let args = Args::parse();
        let ok = match args.command {
            // Every file is checked, even after a bad one.
            Command::Check { files } => files.iter().filter(|f| !check(f)).count() == 0,
            Command::Render {
                file,
                out,
                widths,
                format,
                scale,
            } => render(&file, &out, &widths, format, scale),
            Command::Schema { out } => schema(out.as_deref()),
            Command::Prerender { dir, out } => prerender_folder(&dir, &out),
        };
        if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    /// Reads and loads a file; prints file-level problems.
    fn read(file: &Path) -> Option<Result<Document, Vec<Problem>>> {
        match std::fs::read(file) {
            Ok(bytes) => Some(load(&bytes)),
            Err(e) => {
                eprintln!(
                    "{}: 无法读取文件（cannot read the file）：{e}",
                    file.display()
                );
                None
            }
        }
    }

    fn print(file: &Path, problems: &[&Problem]) {
        for p in problems {
            let at = p
                .position
                .map_or(String::new(), |p| format!(":{}:{}", p.line, p.column));
            let path = if p.path.is_empty() { "文件" } else { &p.path };
            println!("{}{at}: {path}：{}", file.display(), p.zh);
            println!("    {}", p.en);
        }
    }

    fn check(file: &Path) -> bool {
        let Some(loaded) = read(file) else {
            return false;
        };
        let problems: Vec<&Problem> = match &loaded {
            Err(p) => p.iter().collect(),
            Ok(doc) => doc.problems().collect(),
        };
        print(file, &problems);
        if problems.is_empty() {
            let charts = loaded.as_ref().map_or(0, |d| d.charts.len());
            println!(
                "{}: 没有发现问题，共 {charts} 个图表。No problems; {charts} charts.",
                file.display()
            );
            true
        } else {
            println!(
                "{}: 发现 {} 个问题。{} problem(s) found.",
                file.display(),
                problems.len(),
                problems.len()
            );
            false
        }
    }

    fn render(file: &Path, out: &Path, widths: &[f64], format: Format, scale: f32) -> bool {
        let Some(loaded) = read(file) else {
            return false;
        };
        let doc = match loaded {
            Ok(doc) => doc,
            Err(problems) => {
                print(file, &problems.iter().collect::<Vec<_>>());
                return false;
            }
        };
        if let Err(e) = std::fs::create_dir_all(out) {
            eprintln!(
                "{}: 无法创建目录（cannot create the directory）：{e}",
                out.display()
            );
            return false;
        }
        let theme = Theme::for_document(&doc.theme, false);
        let fonts = match format {
            Format::Svg => None,
            _ if !(scale.is_finite() && (0.5..=4.0).contains(&scale)) => {
                eprintln!("--scale {scale}：应在 0.5 到 4 之间。The scale must be 0.5 to 4.");
                return false;
            }
            Format::Png => match Fonts::system(&theme.font_family) {
                Ok(fonts) => Some(fonts),
                Err(e) => {
                    eprintln!("{e}");
                    return false;
                }
            },
        };
        let mut ok = true;
        for entry in &doc.charts {
            let Ok(chart) = &entry.chart else {
                continue;
            };
            let description = summary(chart);
            for width in widths {
                // A PNG is laid out narrower when it would pass 1080 px.
                let (width, name) = match fonts {
                    None => (*width, format!("{}-{}.svg", chart.id, width.round())),
                    Some(_) => {
                        let width = width.min(WECHAT_WIDTH / f64::from(scale)).floor();
                        (width, format!("{}-{width}@{scale}x.png", chart.id))
                    }
                };
                let scene = framed(chart, width, &ApproxMeasure, &theme);
                let target = out.join(name);
                let image = match &fonts {
                    None => to_svg(&scene, &theme.font_family)
                        .map(|svg| titled(&svg, &chart.title, &description).into_bytes()),
                    Some(fonts) => to_png(&scene, &theme.font_family, scale, fonts),
                };
                let written = image
                    .and_then(|bytes| std::fs::write(&target, bytes).map_err(|e| e.to_string()));
                match written {
                    Ok(()) => println!("{}", target.display()),
                    Err(e) => {
                        eprintln!("{}: 写入失败（cannot write）：{e}", target.display());
                        ok = false;
                    }
                }
            }
        }
        let problems: Vec<&Problem> = doc.problems().collect();
        print(file, &problems);
        ok && problems.is_empty()
    }

    fn schema(out: Option<&Path>) -> bool {
        let text = match serde_json::to_string_pretty(&kazuo_infographic::model::schema()) {
            Ok(t) => t + "\n",
            Err(e) => {
                eprintln!("{e}");
                return false;
            }
        };
        match out {
            None => {
                print!("{text}");
                true
            }
            Some(path) => match std::fs::write(path, text) {
                Ok(()) => true,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    false
                }
            },
        }
    }
}
