// Bytes a value must not carry into the analysis, the terminal or the HTML report: text that is not
// UTF-8 (a Latin-1 "é" decodes to "�"), and NUL or other control characters. Whole chunks are
// checked on their bytes first (fast, native), and only the values of a suspect chunk one by one.
import { isUtf8 } from 'node:buffer';
import { InputError, type Warnings } from '../core/problems';
import { warningKinds, warningText } from '../records/inputMessages';

/** True when the bytes hold a NUL, an escape or anything that is not UTF-8 (also a character cut at the chunk's end). */
export function suspectBytes(bytes: Buffer): boolean {
    return bytes.indexOf(0) >= 0 || bytes.indexOf(0x1b) >= 0 || !isUtf8(bytes);
}

// C0 controls and DEL, but not tab, line feed and carriage return (text may hold them).
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The value as the analysis may use it: an error for text that is not UTF-8, control characters removed with a warning. */
export function checkedText(value: string, field: string, origin: string, line: number, warnings: Warnings): string {
    if (value.includes('\uFFFD')) {
        throw new InputError(
            origin,
            line,
            `${field} holds bytes that are not UTF-8 (shown as "�"; the file is probably Latin-1 or Windows-1252 encoded)`,
            'Export the file again as UTF-8 (Data Loader: Settings › "Read all CSVs with UTF-8 encoding"), or convert it: iconv -f WINDOWS-1252 -t UTF-8',
        );
    }
    controlCharacters.lastIndex = 0;
    if (!controlCharacters.test(value)) return value;
    warnings.add(warningKinds.controlCharacters, origin, line, warningText.controlCharacters(field));
    return value.replace(controlCharacters, '');
}
