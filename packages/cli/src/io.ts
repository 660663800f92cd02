/**
 * The CLI's window on the world: stdout, stderr, stdin and their TTY state. Commands never
 * touch `process.stdout` directly, so tests can run the whole program against buffers
 * (`IO.test()`), and check both the interactive (TTY) and the piped layout.
 */
export interface IOOptions {
  writeOut: (chunk: string) => void;
  writeErr: (chunk: string) => void;
  readStdin: () => Promise<string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Terminal width when stdout is a terminal. */
  columns?: number;
  /** ANSI styling allowed (stdout is a TTY and NO_COLOR is unset). */
  color?: boolean;
}

export class IO {
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  readonly columns: number;
  readonly color: boolean;
  private readonly opts: IOOptions;

  constructor(opts: IOOptions) {
    this.opts = opts;
    this.stdoutIsTTY = opts.stdoutIsTTY;
    this.stderrIsTTY = opts.stderrIsTTY;
    this.stdinIsTTY = opts.stdinIsTTY;
    this.columns = opts.columns ?? 80;
    this.color = opts.color ?? false;
  }

  /** Writes to stdout (data). */
  out(text: string): void {
    this.opts.writeOut(text);
  }

  /** Writes a line to stdout. */
  println(line = ""): void {
    this.opts.writeOut(`${line}\n`);
  }

  /** Writes to stderr (errors, progress, hints). */
  err(text: string): void {
    this.opts.writeErr(text);
  }

  /** Writes a line to stderr. */
  eprintln(line = ""): void {
    this.opts.writeErr(`${line}\n`);
  }

  /** Reads all of stdin (only meaningful when stdin is not a TTY). */
  readStdin(): Promise<string> {
    return this.opts.readStdin();
  }

  /** Bold text on a colour terminal, plain text otherwise. */
  bold(text: string): string {
    return this.color ? `\u001b[1m${text}\u001b[22m` : text;
  }

  /** The real process streams. */
  static system(env: Record<string, string | undefined> = process.env): IO {
    const stdoutIsTTY = Boolean(process.stdout.isTTY);
    return new IO({
      writeOut: (s) => void process.stdout.write(s),
      writeErr: (s) => void process.stderr.write(s),
      readStdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString("utf8");
      },
      stdoutIsTTY,
      stderrIsTTY: Boolean(process.stderr.isTTY),
      stdinIsTTY: Boolean(process.stdin.isTTY),
      columns: process.stdout.columns,
      color: stdoutIsTTY && !env.NO_COLOR && env.TERM !== "dumb",
    });
  }

  /**
   * An IO backed by buffers, for tests. `tty` sets all three TTY flags at once (default false);
   * `stdin` is what `readStdin()` returns.
   */
  static test(opts: { tty?: boolean; stdin?: string; columns?: number; color?: boolean } = {}): TestIO {
    const buffers = { out: "", err: "" };
    const tty = opts.tty ?? false;
    const io = new IO({
      writeOut: (s) => {
        buffers.out += s;
      },
      writeErr: (s) => {
        buffers.err += s;
      },
      readStdin: async () => opts.stdin ?? "",
      stdoutIsTTY: tty,
      stderrIsTTY: tty,
      stdinIsTTY: opts.stdin === undefined ? tty : false,
      columns: opts.columns ?? 100,
      color: opts.color ?? false,
    });
    return { io, stdout: () => buffers.out, stderr: () => buffers.err };
  }
}

export interface TestIO {
  io: IO;
  stdout(): string;
  stderr(): string;
}
