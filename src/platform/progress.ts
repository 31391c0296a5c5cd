/**
 * Progress for long work: a redrawn bar on a terminal, and a plain line at most every few seconds
 * otherwise (CI logs, pipes), so neither floods nor goes silent.
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let done = 0;
  let lastLine = 0;
  const started = Date.now();
  const draw = (final = false) => {
    const share = total === 0 ? 1 : Math.min(done / total, 1);
    if (tty) {
      const width = 28;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total}`,
      );
      if (final) stream.write("\n");
    } else if (final || Date.now() - lastLine > 3000) {
      lastLine = Date.now();
      stream.write(`${label}: ${done}/${total} (${Math.round(share * 100)}%)\n`);
    }
  };
  return {
    advance(by = 1) {
      done += by;
      draw();
    },
    finish() {
      done = total;
      draw(true);
      return Date.now() - started;
    },
  };
}
