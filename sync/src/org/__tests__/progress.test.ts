import { PassThrough } from 'node:stream';
import { createProgress } from '../progress';

function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    Object.assign(stream, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    return { stream, output: () => text };
}

describe('createProgress', () => {
    it('draws bars for long reads and writes on a terminal', () => {
        const { stream, output } = terminal(true);
        const progress = createProgress(stream, 100);
        progress.update('read Task', 5000, 14202);
        progress.update('read Task', 14202, 14202);
        progress.stop();
        expect(output()).toMatch(/read Task\s+\[.*\] 14202\/14202/);
    });

    it('stays silent in pipes and logs, and for short work', () => {
        const piped = terminal(false);
        const quiet = createProgress(piped.stream, 100);
        quiet.update('read Task', 5000, 14202);
        quiet.stop();
        expect(piped.output()).toBe('');
        const tty = terminal(true);
        const short = createProgress(tty.stream, 100);
        short.update('read User', 36, 36);
        short.stop();
        expect(tty.output()).not.toMatch(/read User/);
    });
});
