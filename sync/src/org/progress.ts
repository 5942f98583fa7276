// Progress bars for long reads and writes: on a terminal only (stderr), silent in logs and pipes.
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export interface Progress {
    update(label: string, done: number, total: number): void;
    stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** Bars appear only for work of at least `minTotal` items, so short runs print nothing extra. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, minTotal = 2000): Progress {
    if (!stream.isTTY) return silent;
    const multibar = new MultiBar(
        { stream, format: ' {label} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false },
        Presets.shades_classic,
    );
    const bars = new Map<string, SingleBar>();
    return {
        update(label, done, total) {
            if (total < minTotal) return;
            let bar = bars.get(label);
            if (!bar) {
                bar = multibar.create(total, 0, { label: label.padEnd(24) });
                bars.set(label, bar);
            }
            bar.setTotal(total);
            bar.update(done, { label: label.padEnd(24) });
        },
        stop() {
            multibar.stop();
        },
    };
}
