/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (a pipe or a log file
 * gets nothing, so `--json` output and CI logs stay clean). Redrawn at most every 100 ms.
 */
export interface Progress {
  update(done: number, total?: number): void;
  done(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let total = 0;
  let last = 0;
  let drawn = false;
  const draw = (done: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 24));
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(share * width);
    stream.write(
      `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${Math.round(share * 100)}%`,
    );
    drawn = true;
  };
  return {
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
