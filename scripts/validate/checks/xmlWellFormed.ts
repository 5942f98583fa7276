import { readFile } from 'node:fs/promises';
import { XMLValidator } from 'fast-xml-parser';
import { Check, FindingInput } from '../types';

const name = 'xml-well-formed';

/** SDR reads malformed XML without complaint; the Metadata API rejects it at deploy. */
export const xmlWellFormedCheck: Check = {
    name,
    description: 'every XML file under the package directories is well-formed',
    async run(project) {
        const findings: FindingInput[] = [];
        const xmlFiles = (await project.deployableFiles()).filter((file) => file.endsWith('.xml'));
        for (const file of xmlFiles) {
            const result = XMLValidator.validate(await readFile(file, 'utf8'));
            if (result === true) continue;
            findings.push({
                check: name,
                file: project.relative(file),
                line: result.err.line > 0 ? result.err.line : undefined,
                message: `Malformed XML: ${result.err.msg} (column ${result.err.col}).`,
                fix: 'Close or correct the element at that line; escape & < > in text as &amp; &lt; &gt;.',
            });
        }
        project.note(name, `${xmlFiles.length} XML files checked`);
        return findings;
    },
};
