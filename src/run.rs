//! Running a configuration: read inputs, extract in parallel, write in input order.
//!
//! A reader thread feeds inputs (files, or JSON lines) to `jobs` workers through a bounded
//! queue; each worker reads, extracts and serialises one input into its own buffer (or a
//! temporary file under `--out-dir`); the main thread writes the results in input order through
//! one buffered writer (and renames `--out-dir` files into place in that order). At most
//! `jobs * 4` inputs are in flight, so memory does not grow with the number or length of inputs.
//!
//! Every input gives exactly one result: a record, or a failure reported on stderr *and* as an
//! `{"id", "error"}` record in the output, and the run goes on; exit status 1 tells. Ctrl-C or
//! SIGTERM stops the workers taking new inputs; finished records are kept, temporary files are
//! removed, and the exit status is 130.

use crate::cli::Config;
use crate::input::{self, Line, Refusal, Source};
use crate::outdir::{self, Pending};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsie::output::{self, Format};
use newsie::record::ErrorRecord;
use newsie::{Article, Extractor, Record};
use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often an idle worker looks at the stop flag.
const POLL: Duration = Duration::from_millis(50);

/// True when the error chain holds a broken pipe (the reader went away: not a failure).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// What one input produced.
enum Outcome {
    /// A serialised record, ready to write.
    Record(Vec<u8>),
    /// A record in a temporary file, to rename into `--out-dir` in input order, and who to
    /// blame (message empty) if that fails.
    File(Pending, Failure),
    /// `--skip-existing`: its file is already there.
    Existing,
    /// A failure.
    Failed(Failure),
    /// Skipped with a notice (a binary or non-regular file in a folder).
    Skipped(String, &'static str),
}

/// A failed input: its id, where it is (`feed.jsonl:3`), and what went wrong.
struct Failure {
    id: String,
    place: String,
    /// The JSON Lines line number, said in the error record.
    line: Option<usize>,
    message: String,
}

impl Failure {
    fn of(id: &str, message: String) -> Failure {
        Failure {
            id: id.to_string(),
            place: id.to_string(),
            line: None,
            message,
        }
    }
}

/// Runs the configuration; returns the exit status.
pub fn run(cfg: Config) -> Result<ExitCode> {
    if let Some(kind) = cfg.generate {
        let mut out = io::stdout().lock();
        crate::cli::generate(kind, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
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
    let sources = input::sources(&cfg.paths, cfg.glob.as_ref());
    let interrupted = Arc::new(AtomicBool::new(false));
    // One article on stdin, or from one file with its record on stdout, has nothing to clean
    // up, and its read cannot be interrupted: there the default Ctrl-C (end at once) is right,
    // and no handler thread is started. Everywhere else, stop cleanly.
    let lone = !cfg.jsonl
        && match sources.as_slice() {
            [Source::Stdin] => true,
            [Source::File(_)] => cfg.out_dir.is_none(),
            _ => false,
        };
    if !lone {
        let flag = Arc::clone(&interrupted);
        // Without a handler Ctrl-C still ends the run (uncleanly): not worth failing over.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }
    let stdout = io::stdout();
    let flush_each = stdout.is_terminal();
    let mut state = State {
        cfg: &cfg,
        extractor: Extractor::new(cfg.options.clone()),
        w: BufWriter::with_capacity(1 << 16, stdout.lock()),
        flush_each,
        errored: false,
        claimed: HashSet::new(),
        progress: Progress::none(),
        stop: &interrupted,
        errors_out: cfg.jsonl || !(cfg.format == Format::PrettyJson && sources.len() == 1),
    };
    if cfg.format == Format::Tsv {
        state.w.write_all(output::TSV_HEADER.as_bytes())?;
    }
    if cfg.jsonl {
        state.run_jsonl(sources)?;
    } else {
        state.run_files(sources)?;
    }
    state.w.flush()?;
    let errored = state.errored;
    drop(state);
    Ok(if interrupted.load(Ordering::SeqCst) {
        eprintln!("newsie: interrupted: finished records kept, no partial file left");
        ExitCode::from(130)
    } else if errored {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr, or nothing.
struct Progress {
    bar: Option<ProgressBar>,
    errors: usize,
}

impl Progress {
    fn none() -> Progress {
        Progress {
            bar: None,
            errors: 0,
        }
    }

    fn files(len: usize) -> Progress {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let template = if color {
            "{elapsed_precise} [{bar:30.cyan/blue}] {human_pos}/{human_len} files, {rate}/s, {eta} left{msg}"
        } else {
            "{elapsed_precise} [{bar:30}] {human_pos}/{human_len} files, {rate}/s, {eta} left{msg}"
        };
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(template) {
            let style = style
                .with_key(
                    "rate",
                    |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}", s.per_sec());
                    },
                )
                .progress_chars("=> ");
            bar.set_style(style);
        }
        Progress {
            bar: Some(bar),
            errors: 0,
        }
    }

    fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    fn error(&mut self) {
        self.errors += 1;
        if let Some(b) = &self.bar {
            b.set_message(format!(", {} failed", self.errors));
        }
    }

    /// Prints one line on stderr without tearing the bar.
    fn say(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    // Also on an early return (a closed pipe): never leave a half-drawn bar.
    fn drop(&mut self) {
        self.finish();
    }
}

/// One run's shared state: the writer, the error flag, the files claimed in `--out-dir`.
struct State<'a, W: Write> {
    cfg: &'a Config,
    extractor: Extractor,
    w: W,
    flush_each: bool,
    errored: bool,
    /// `--out-dir` targets written in this run: a second input mapping to the same file is an
    /// error, never a silent overwrite.
    claimed: HashSet<PathBuf>,
    progress: Progress,
    stop: &'a AtomicBool,
    /// Write `{"id", "error"}` records (not for one pretty record on a terminal).
    errors_out: bool,
}

impl<W: Write> State<'_, W> {
    fn run_files(&mut self, sources: Vec<Source>) -> Result<()> {
        let cfg = self.cfg;
        let many = sources.len() > 1 || cfg.paths.iter().any(|p| p.is_dir());
        if cfg.progress && many {
            self.progress = Progress::files(sources.len());
        }
        if sources.iter().any(|s| matches!(s, Source::Stdin)) {
            self.flush_each = true;
        }
        let extractor = self.extractor.clone();
        // Files are read by the workers; small batches keep hand-overs rare, and standard
        // input (a reader may be waiting) goes one at a time.
        let batch = if self.flush_each { 1 } else { 8 };
        // One article from standard input or from a file on disk: read and extracted right
        // here (a FIFO named on the command line keeps the threads, so Ctrl-C is not held up
        // by its read).
        let inline = match sources.as_slice() {
            [Source::Stdin] => true,
            [Source::File(p)] => p.metadata().is_ok_and(|m| m.is_file()),
            _ => false,
        };
        ordered(
            sources.into_iter(),
            cfg.jobs,
            Batch {
                items: batch,
                weigh: |_| 0,
            },
            inline,
            self.stop,
            |src| process_file(cfg, &extractor, &src),
            |outcome| self.emit(outcome),
        )
    }

    fn run_jsonl(&mut self, sources: Vec<Source>) -> Result<()> {
        let cfg = self.cfg;
        let extractor = self.extractor.clone();
        for src in sources {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let name = src.id();
            // Lines from a file on disk travel in batches (of at most `BATCH_BYTES` unless one
            // line is longer); from a pipe, one at a time.
            let mut batch = 128;
            let reader: Box<dyn io::BufRead + Send> = match &src {
                Source::Stdin => {
                    // Records are flushed one by one unless stdin is a file on disk, so a
                    // record is out before the next line is read from a pipe.
                    if !is_regular_stdin() {
                        batch = 1;
                        self.flush_each = true;
                    }
                    Box::new(io::BufReader::with_capacity(1 << 16, io::stdin()))
                }
                Source::InDir { path, .. } if !path.metadata().is_ok_and(|m| m.is_file()) => {
                    // As for articles: never open a FIFO or device found in a folder.
                    self.emit(Outcome::Skipped(name, "not a regular file"))?;
                    continue;
                }
                Source::File(p) | Source::InDir { path: p, .. } => match std::fs::File::open(p) {
                    Ok(f) => {
                        if !f.metadata().is_ok_and(|m| m.is_file()) {
                            batch = 1;
                        }
                        Box::new(io::BufReader::with_capacity(1 << 16, f))
                    }
                    Err(e) => {
                        self.emit(Outcome::Failed(Failure::of(&name, e.to_string())))?;
                        continue;
                    }
                },
                Source::Broken { id, error } => {
                    self.emit(Outcome::Failed(Failure::of(id, error.clone())))?;
                    continue;
                }
            };
            let lines = input::Lines::new(reader, cfg.max_bytes);
            // One worker over lines from disk (batches of more than one): no threads needed.
            ordered(
                lines,
                cfg.jobs,
                Batch {
                    items: batch,
                    weigh: |line| match line {
                        Ok(input::Line::Data(_, bytes)) => bytes.len(),
                        _ => 0,
                    },
                },
                cfg.jobs == 1 && batch > 1,
                self.stop,
                |line| process_line(cfg, &extractor, &name, line),
                |outcome| self.emit(outcome),
            )?;
        }
        Ok(())
    }

    /// Writes one outcome, in input order.
    fn emit(&mut self, outcome: Outcome) -> Result<()> {
        let outcome = match outcome {
            Outcome::File(pending, blame) => self.commit(pending, blame),
            other => other,
        };
        match outcome {
            Outcome::Record(bytes) => self.w.write_all(&bytes)?,
            Outcome::File(..) | Outcome::Existing => {}
            Outcome::Failed(f) => {
                self.errored = true;
                self.progress.error();
                self.progress
                    .say(&format!("newsie: {}: {}", f.place, one_line(&f.message)));
                if self.errors_out {
                    let error = match f.line {
                        Some(n) => format!("line {n}: {}", one_line(&f.message)),
                        None => one_line(&f.message),
                    };
                    let rec = ErrorRecord::new(f.id, error);
                    output::write_error(&mut self.w, &rec, self.cfg.format)?;
                }
            }
            Outcome::Skipped(id, why) => {
                if !self.cfg.quiet {
                    self.progress.say(&format!("newsie: {id}: skipped ({why})"));
                }
            }
        }
        self.progress.inc();
        if self.flush_each {
            self.w.flush()?;
        }
        Ok(())
    }

    /// Renames a finished `--out-dir` file into place, unless an earlier input took its name.
    fn commit(&mut self, pending: Pending, mut blame: Failure) -> Outcome {
        if !self.claimed.insert(pending.target.clone()) {
            blame.message = format!(
                "{}: an earlier input of this run was written to the same file; not overwritten",
                pending.target.display()
            );
            return Outcome::Failed(blame);
        }
        match pending.commit() {
            Ok(()) => Outcome::Existing,
            Err(e) => {
                blame.message = format!("{e:#}");
                Outcome::Failed(blame)
            }
        }
    }
}

/// How `ordered` groups items into the batches it hands to workers.
struct Batch<I> {
    /// The most items in a batch.
    items: usize,
    /// An item's size in bytes, as far as it is known before the work (0 when it is not).
    weigh: fn(&I) -> usize,
}

/// The next batch of `items`: up to `batch.items` of them (at least one), fewer once they weigh
/// [`BATCH_BYTES`] or more; empty when `items` are done.
fn next_batch<I>(items: &mut impl Iterator<Item = I>, batch: &Batch<I>) -> Vec<I> {
    let most = batch.items.max(1);
    let mut chunk = Vec::with_capacity(most);
    let mut bytes = 0;
    while chunk.len() < most && bytes < BATCH_BYTES {
        let Some(item) = items.next() else { break };
        bytes += (batch.weigh)(&item);
        chunk.push(item);
    }
    chunk
}

/// The bytes of input after which a batch of lines is handed to a worker, however few lines it
/// holds: long lines travel a few at a time, so the lines in flight stay within
/// `4 × jobs × (BATCH_BYTES + the longest line)`.
const BATCH_BYTES: usize = 1 << 20;

/// Messages are one line on stderr and in records.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// Maps `items` through `work` on `jobs` threads and hands results to `emit` in input order.
///
/// Items travel in batches of up to `batch.items` (1 when a reader may be waiting on each record, as
/// with a pipe; more when the input is on disk, so threads hand over work rarely), and a batch
/// ends once its items weigh [`BATCH_BYTES`] or more. At most `jobs * 4` batches are between
/// the reader and `emit`. `emit` returning an error, or `stop`
/// being set, ends the run: workers finish the batch in hand and take no more. The reader runs
/// on a detached thread, so a read blocked on a pipe does not hold up the end.
///
/// `inline` runs everything on the calling thread instead, item by item, with no thread
/// started: for one worker reading what cannot block (files on disk, a lone article), where
/// threads would only add their start-up and hand-overs. `stop` is still read before each item.
fn ordered<I, T>(
    mut items: impl Iterator<Item = I> + Send + 'static,
    jobs: usize,
    batch: Batch<I>,
    inline: bool,
    stop: &AtomicBool,
    work: impl Fn(I) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<()>
where
    I: Send + 'static,
    T: Send,
{
    if inline {
        for item in items {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            emit(work(item))?;
        }
        return Ok(());
    }
    let jobs = jobs.max(1);
    let window = jobs * 4;
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Vec<I>)>(window);
    // Credits bound the distance between the reader and the writer.
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("credit channel has room");
    }
    std::thread::spawn(move || {
        let mut seq = 0;
        while credit_rx.recv().is_ok() {
            let chunk = next_batch(&mut items, &batch);
            if chunk.is_empty() || work_tx.send((seq, chunk)).is_err() {
                break;
            }
            seq += 1;
        }
    });
    let quit = AtomicBool::new(false);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<T>)>();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (work_rx, work, quit) = (&work_rx, &work, &quit);
            scope.spawn(move || loop {
                if stop.load(Ordering::SeqCst) || quit.load(Ordering::SeqCst) {
                    break;
                }
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv_timeout(POLL),
                    Err(_) => break,
                };
                match next {
                    Ok((seq, chunk)) => {
                        let mut out = Vec::with_capacity(chunk.len());
                        for item in chunk {
                            if stop.load(Ordering::SeqCst) {
                                break;
                            }
                            out.push(work(item));
                        }
                        if done_tx.send((seq, out)).is_err() {
                            break;
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<usize, Vec<T>> = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        // Ends when every worker is gone: input done, stop set, or quit below.
        'recv: for (seq, out) in done_rx.iter() {
            pending.insert(seq, out);
            while let Some(outs) = pending.remove(&next) {
                next += 1;
                for out in outs {
                    if let Err(e) = emit(out) {
                        result = Err(e);
                        quit.store(true, Ordering::SeqCst);
                        break 'recv;
                    }
                }
                // The reader may be gone already; a refused credit is fine.
                let _ = credit_tx.try_send(());
            }
        }
        quit.store(true, Ordering::SeqCst);
        result
    })
}

/// Extracts, turning a panic in an extractor into a failure of this one input.
fn extract(extractor: &Extractor, article: &Article) -> Result<Record, String> {
    catch_unwind(AssertUnwindSafe(|| extractor.extract(article))).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error in newsie (please report it with this input): {what}")
    })
}

/// Serialises a record, or writes it to a temporary file under `--out-dir`.
fn finish(
    cfg: &Config,
    rec: &Record,
    target: Option<PathBuf>,
    failure: impl Fn(String) -> Failure,
) -> Outcome {
    match target {
        None => {
            let mut buf = Vec::with_capacity(4096);
            output::push_record(&mut buf, rec, cfg.format);
            Outcome::Record(buf)
        }
        Some(target) => match outdir::prepare(target, rec) {
            Ok(p) => Outcome::File(p, failure(String::new())),
            Err(e) => Outcome::Failed(failure(format!("{e:#}"))),
        },
    }
}

/// Warnings the binary adds about the text as read.
fn text_warnings(text: &str) -> Option<String> {
    newsie::extract::strip_bom(text)
        .trim()
        .is_empty()
        .then(|| "empty input: no text to extract from".to_string())
}

fn process_file(cfg: &Config, extractor: &Extractor, src: &Source) -> Outcome {
    let id = src.id();
    let target = cfg.out_dir.as_ref().map(|dir| dir.join(file_target(src)));
    if cfg.skip_existing && target.as_ref().is_some_and(|t| t.exists()) {
        return Outcome::Existing;
    }
    let text = match input::read_source(src, cfg.max_bytes) {
        Ok(t) => t,
        Err(Refusal::Skip(why)) => return Outcome::Skipped(id, why),
        Err(Refusal::Error(e)) => return Outcome::Failed(Failure::of(&id, format!("{e:#}"))),
    };
    let mut rec = match extract(extractor, &Article::new(&id, &text.text)) {
        Ok(rec) => rec,
        Err(e) => return Outcome::Failed(Failure::of(&id, e)),
    };
    rec.warnings.extend(text.warnings);
    rec.warnings.extend(text_warnings(&text.text));
    finish(cfg, &rec, target, |m| Failure::of(&id, m))
}

/// Where a file's record goes, relative to `--out-dir`: its path under its folder, or its file
/// name when named on the command line.
fn file_target(src: &Source) -> PathBuf {
    let rel: PathBuf = match src {
        Source::InDir { root, path } => path.strip_prefix(root).unwrap_or(path).to_path_buf(),
        Source::File(p) => p
            .file_name()
            .map_or_else(|| PathBuf::from("input"), PathBuf::from),
        Source::Stdin => PathBuf::from("stdin"),
        Source::Broken { .. } => PathBuf::from("broken"),
    };
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    let name = parts.join("/");
    let lossless = rel.to_str().is_some();
    outdir::relative(&name, lossless)
}

fn process_line(
    cfg: &Config,
    extractor: &Extractor,
    name: &str,
    line: io::Result<Line>,
) -> Outcome {
    let (number, bytes) = match line {
        Ok(Line::Data(n, b)) => (n, b),
        Ok(Line::TooLong(n)) => {
            return Outcome::Failed(Failure {
                id: n.to_string(),
                place: format!("{name}:{n}"),
                line: Some(n),
                message: format!("longer than --max-bytes ({} bytes)", cfg.max_bytes),
            })
        }
        Err(e) => return Outcome::Failed(Failure::of(name, format!("reading: {e}"))),
    };
    let fail = |id: Option<String>, message: String| {
        let place = match &id {
            Some(id) if *id != number.to_string() => format!("{name}:{number} (id {id})"),
            _ => format!("{name}:{number}"),
        };
        Failure {
            id: id.unwrap_or_else(|| number.to_string()),
            place,
            line: Some(number),
            message,
        }
    };
    let (obj, mut warnings) = match input::parse_line(&bytes) {
        Ok(x) => x,
        Err(bad) => return Outcome::Failed(fail(bad.id, format!("{:#}", bad.error))),
    };
    let id = obj
        .id
        .as_ref()
        .and_then(input::id_text)
        .unwrap_or_else(|| number.to_string());
    let target = cfg
        .out_dir
        .as_ref()
        .map(|dir| dir.join(outdir::relative(&id, true)));
    if cfg.skip_existing && target.as_ref().is_some_and(|t| t.exists()) {
        return Outcome::Existing;
    }
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
    let mut rec = match extract(extractor, &article) {
        Ok(rec) => rec,
        Err(e) => return Outcome::Failed(fail(Some(id), e)),
    };
    rec.warnings.extend(warnings);
    rec.warnings.extend(text_warnings(&obj.text));
    finish(cfg, &rec, target, |m| fail(Some(id.clone()), m))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_end_at_their_count_or_their_weight() {
        let by_count = Batch {
            items: 3,
            weigh: |_: &usize| 0,
        };
        let mut items = 0..7;
        let sizes: Vec<usize> =
            std::iter::from_fn(|| Some(next_batch(&mut items, &by_count).len()).filter(|&n| n > 0))
                .collect();
        assert_eq!(sizes, [3, 3, 1]);

        // Items weighing a third of the budget travel three at a time, a heavy one alone.
        let by_weight = Batch {
            items: 128,
            weigh: |&w: &usize| w,
        };
        let third = BATCH_BYTES / 3 + 1;
        let weights = [third, third, third, third, BATCH_BYTES * 4, 1, 1];
        let mut items = weights.into_iter();
        let batches: Vec<Vec<usize>> = std::iter::from_fn(|| {
            Some(next_batch(&mut items, &by_weight)).filter(|b| !b.is_empty())
        })
        .collect();
        assert_eq!(
            batches,
            [
                vec![third, third, third],
                vec![third, BATCH_BYTES * 4],
                vec![1, 1]
            ]
        );
    }

    #[test]
    fn results_come_in_input_order_on_many_threads() {
        let stop = AtomicBool::new(false);
        let mut out = Vec::new();
        ordered(
            0..1000usize,
            3,
            Batch {
                items: 7,
                weigh: |&i| i * 1000,
            },
            false,
            &stop,
            |i| i * 2,
            |r| {
                out.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
    }
}
