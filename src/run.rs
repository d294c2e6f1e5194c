//! Running a configuration: read inputs, extract in parallel, write in input order.
//!
//! Workers take inputs from a bounded queue and serialise each record into their own buffer;
//! the main thread writes the buffers in input order through one buffered writer. At most
//! `jobs * 4` inputs are in flight, so memory does not grow with the number or length of
//! inputs. A failed input is reported on stderr (and as an error record in JSON Lines output)
//! and the run goes on; exit status 1 tells.

use crate::cli::Config;
use crate::input::{self, Line, Refusal, Source};
use anyhow::{Context, Result};
use newsie::output::{self, Format};
use newsie::record::ErrorRecord;
use newsie::{Article, Extractor};
use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Mutex;

/// True when the error chain holds a broken pipe (the reader went away: not a failure).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// What one input produced.
enum Outcome {
    /// A serialised record (or written file), ready to emit.
    Done(Vec<u8>),
    /// A failure: the input's id and message.
    Failed(String, String),
    /// Skipped with a notice (binary file in a folder).
    Skipped(String, &'static str),
}

/// Runs the configuration; returns the exit status.
pub fn run(cfg: Config) -> Result<ExitCode> {
    if cfg.schema {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &newsie::record::json_schema())?;
        out.write_all(b"\n")?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(dir) = &cfg.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let extractor = Extractor::new(cfg.options.clone());
    let sources = input::sources(&cfg.paths, cfg.glob.as_ref());
    let stdout = io::stdout();
    let interactive = stdout.is_terminal();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    let errored = if cfg.jsonl {
        run_jsonl(&cfg, &extractor, &sources, &mut w)?
    } else {
        run_files(&cfg, &extractor, sources, &mut w, interactive)?
    };
    w.flush()?;
    Ok(if errored {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Error records go to stdout when the output is a stream of records.
fn error_bytes(id: &str, msg: &str, format: Format) -> Vec<u8> {
    let mut buf = Vec::new();
    let rec = ErrorRecord {
        id: id.to_string(),
        error: msg.to_string(),
    };
    output::write_error(&mut buf, &rec, format).expect("writing to a Vec cannot fail");
    buf
}

/// Maps `items` through `work` on `jobs` threads and hands results to `emit` in input order.
/// At most `jobs * 4` items are in flight. `emit` returning an error stops the run.
fn ordered<I, T>(
    items: impl Iterator<Item = I> + Send,
    jobs: usize,
    work: impl Fn(I) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<()>
where
    I: Send,
    T: Send,
{
    if jobs <= 1 {
        for item in items {
            emit(work(item))?;
        }
        return Ok(());
    }
    let window = jobs * 4;
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, I)>(window);
    let (done_tx, done_rx) = mpsc::channel::<(usize, T)>();
    // Credits bound the distance between the reader and the writer.
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("credit channel has room");
    }
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| -> Result<()> {
        let work = &work;
        scope.spawn(move || {
            for (seq, item) in items.enumerate() {
                if credit_rx.recv().is_err() {
                    break;
                }
                if work_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if done_tx.send((seq, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0;
        for (seq, out) in done_rx.iter() {
            pending.insert(seq, out);
            while let Some(out) = pending.remove(&next) {
                next += 1;
                emit(out)?;
                // The reader may be gone already; a refused credit is fine.
                let _ = credit_tx.try_send(());
            }
        }
        Ok(())
    })
}

fn run_files<W: Write>(
    cfg: &Config,
    extractor: &Extractor,
    sources: Vec<Source>,
    w: &mut W,
    interactive: bool,
) -> Result<bool> {
    let stream = sources.len() > 1 || cfg.paths.iter().any(|p| p.is_dir());
    let format = cfg.format;
    let mut errored = false;
    let flush_each = interactive || sources.iter().any(|s| matches!(s, Source::Stdin));
    ordered(
        sources.into_iter(),
        cfg.jobs,
        |src| process_file(cfg, extractor, &src),
        |outcome| {
            match outcome {
                Outcome::Done(bytes) => w.write_all(&bytes)?,
                Outcome::Failed(id, msg) => {
                    errored = true;
                    eprintln!("newsie: {id}: {msg}");
                    if stream && cfg.out_dir.is_none() {
                        w.write_all(&error_bytes(&id, &msg, format))?;
                    }
                }
                Outcome::Skipped(id, why) => {
                    if !cfg.quiet {
                        eprintln!("newsie: {id}: skipped ({why})");
                    }
                }
            }
            if flush_each {
                w.flush()?;
            }
            Ok(())
        },
    )?;
    Ok(errored)
}

fn process_file(cfg: &Config, extractor: &Extractor, src: &Source) -> Outcome {
    let id = src.id();
    let text = match input::read_source(src, cfg.max_bytes) {
        Ok(t) => t,
        Err(Refusal::Binary) => return Outcome::Skipped(id, "binary file"),
        Err(Refusal::Error(e)) => return Outcome::Failed(id, format!("{e:#}")),
    };
    let mut rec = extractor.extract(&Article::new(&id, &text.text));
    rec.warnings.extend(text.warnings);
    match &cfg.out_dir {
        None => {
            let mut buf = Vec::with_capacity(4096);
            output::write_record(&mut buf, &rec, cfg.format).expect("writing to a Vec cannot fail");
            Outcome::Done(buf)
        }
        Some(dir) => {
            let target = out_path(dir, src);
            match write_atomic(&target, &rec) {
                Ok(()) => Outcome::Done(Vec::new()),
                Err(e) => Outcome::Failed(id, format!("{e:#}")),
            }
        }
    }
}

/// Where an input's record goes under `--out-dir`: the path under its folder (or its file
/// name), with ".txt" replaced by ".json" (other extensions keep theirs and gain ".json").
pub fn out_path(dir: &Path, src: &Source) -> PathBuf {
    let rel: PathBuf = match src {
        Source::InDir { root, path } => path.strip_prefix(root).unwrap_or(path).to_path_buf(),
        Source::File(p) => p
            .file_name()
            .map_or_else(|| PathBuf::from("input"), PathBuf::from),
        Source::Stdin => PathBuf::from("stdin"),
        Source::Broken { .. } => PathBuf::from("broken"),
    };
    // Never leave the folder: keep only normal components.
    let mut safe = PathBuf::new();
    for c in rel.components() {
        if let std::path::Component::Normal(s) = c {
            safe.push(s);
        }
    }
    let name = safe
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".to_string());
    let file = match name.strip_suffix(".txt") {
        Some(stem) if !stem.is_empty() => format!("{stem}.json"),
        _ => format!("{name}.json"),
    };
    safe.set_file_name(file);
    dir.join(safe)
}

/// Writes a record to `target` through a temporary file in the same folder and a rename.
fn write_atomic(target: &Path, rec: &newsie::Record) -> Result<()> {
    let parent = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".newsie-")
        .suffix(".tmp")
        .tempfile_in(parent)
        .with_context(|| format!("creating a temporary file in {}", parent.display()))?;
    {
        let mut bw = BufWriter::new(tmp.as_file_mut());
        output::write_record(&mut bw, rec, Format::PrettyJson)?;
        bw.flush()?;
    }
    tmp.persist(target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(())
}

fn run_jsonl<W: Write>(
    cfg: &Config,
    extractor: &Extractor,
    sources: &[Source],
    w: &mut W,
) -> Result<bool> {
    let mut errored = false;
    for src in sources {
        let (reader, flush_each): (Box<dyn io::BufRead + Send>, bool) = match src {
            Source::Stdin => {
                let stdin = io::stdin();
                let regular = is_regular_stdin();
                (
                    Box::new(io::BufReader::with_capacity(1 << 16, stdin)),
                    !regular,
                )
            }
            Source::File(p) | Source::InDir { path: p, .. } => match std::fs::File::open(p) {
                Ok(f) => (Box::new(io::BufReader::with_capacity(1 << 16, f)), false),
                Err(e) => {
                    errored = true;
                    eprintln!("newsie: {}: {e}", p.display());
                    continue;
                }
            },
            Source::Broken { id, error } => {
                errored = true;
                eprintln!("newsie: {id}: {error}");
                continue;
            }
        };
        let name = src.id();
        let lines = input::Lines::new(reader, cfg.max_bytes);
        let mut read_error = None;
        let items = lines.map_while(|l| match l {
            Ok(l) => Some(l),
            Err(e) => {
                read_error = Some(e);
                None
            }
        });
        ordered(
            items,
            cfg.jobs,
            |line| process_line(cfg, extractor, line),
            |outcome| {
                match outcome {
                    Outcome::Done(bytes) => w.write_all(&bytes)?,
                    Outcome::Failed(id, msg) => {
                        errored = true;
                        eprintln!("newsie: {name}: {id}: {msg}");
                        w.write_all(&error_bytes(&id, &msg, cfg.format))?;
                    }
                    Outcome::Skipped(..) => {}
                }
                if flush_each {
                    w.flush()?;
                }
                Ok(())
            },
        )?;
        if let Some(e) = read_error {
            errored = true;
            eprintln!("newsie: {name}: {e}");
        }
    }
    Ok(errored)
}

fn process_line(cfg: &Config, extractor: &Extractor, line: Line) -> Outcome {
    let (number, bytes) = match line {
        Line::Data(n, b) => (n, b),
        Line::TooLong(n) => {
            return Outcome::Failed(
                n.to_string(),
                format!(
                    "line {n}: longer than --max-bytes ({} bytes)",
                    cfg.max_bytes
                ),
            )
        }
    };
    let (obj, warnings) = match input::parse_line(&bytes) {
        Ok(x) => x,
        Err(e) => return Outcome::Failed(number.to_string(), format!("line {number}: {e:#}")),
    };
    let id = match &obj.id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => number.to_string(),
        Some(v) => v.to_string(),
    };
    let mut warnings = warnings;
    let date = match obj.date.as_deref().map(newsie::extract::parse_date) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            warnings.push(format!("date ignored: {e}"));
            None
        }
        None => None,
    };
    let article = Article::new(&id, &obj.text)
        .with_date(date)
        .with_title(obj.title.as_deref());
    let mut rec = extractor.extract(&article);
    rec.warnings.extend(warnings);
    let mut buf = Vec::with_capacity(4096);
    output::write_record(&mut buf, &rec, cfg.format).expect("writing to a Vec cannot fail");
    Outcome::Done(buf)
}

/// True when standard input is a regular file (redirected from disk): no need to flush per
/// record, since no one is waiting between lines.
fn is_regular_stdin() -> bool {
    #[cfg(unix)]
    {
        std::fs::metadata("/dev/stdin").is_ok_and(|m| m.is_file())
    }
    #[cfg(not(unix))]
    {
        false
    }
}
