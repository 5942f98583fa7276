import { cite } from '../../../platform/citation';
import { activationProblems, FlexiPageInfo, RecordPageAssignment } from '../../../platform/metadata/recordPageActivation';
import { MetadataFile, metadataKinds, readMetadataFiles } from '../metadataFiles';
import { Check, FindingInput } from '../types';
import { lineAt, text, toArray, XmlNode } from '../xml';

const name = 'page-activation';

interface LocatedAssignment {
    readonly assignment: RecordPageAssignment;
    readonly file: MetadataFile;
    /** Index of the override among its file's overrides of the same element, to find its line. */
    readonly element: 'actionOverrides' | 'profileActionOverrides';
    readonly index: number;
}

const isFlexiPageOverride = (override: XmlNode) => (text(override, 'type') ?? '').toLowerCase() === 'flexipage';

function assignmentOf(override: XmlNode, form: RecordPageAssignment['form'], object: string): RecordPageAssignment {
    return {
        form,
        object,
        actionName: text(override, 'actionName') ?? '',
        type: text(override, 'type') ?? '',
        formFactor: text(override, 'formFactor'),
        content: text(override, 'content'),
    };
}

function assignmentsOf(objects: readonly MetadataFile[], apps: readonly MetadataFile[]): LocatedAssignment[] {
    const located: LocatedAssignment[] = [];
    for (const file of objects) {
        toArray<XmlNode>(file.node.actionOverrides).forEach((override, index) => {
            if (isFlexiPageOverride(override)) located.push({ assignment: assignmentOf(override, 'org-default', file.name), file, element: 'actionOverrides', index });
        });
    }
    for (const file of apps) {
        for (const element of ['actionOverrides', 'profileActionOverrides'] as const) {
            toArray<XmlNode>(file.node[element]).forEach((override, index) => {
                if (!isFlexiPageOverride(override)) return;
                const form = element === 'actionOverrides' ? 'app-default' : 'app-profile';
                located.push({ assignment: assignmentOf(override, form, text(override, 'pageOrSobjectType') ?? ''), file, element, index });
            });
        }
    }
    return located;
}

function lineOf(located: LocatedAssignment): number | undefined {
    let from = -1;
    for (let i = 0; i <= located.index; i++) {
        from = located.file.text.indexOf(`<${located.element}>`, from + 1);
        if (from < 0) return undefined;
    }
    return lineAt(located.file.text, from);
}

/**
 * Lightning record pages are activated only in documented forms: the org default in the object's
 * actionOverrides, or the app default / app + profile override of a CustomApplication for objects
 * whose app assignment is documented; each override names a record page of its object, for View, in
 * a Lightning form factor. A record page that nothing activates is shown to nobody (a warning).
 */
export const pageActivationCheck: Check = {
    name,
    description: 'record pages are activated only through documented action overrides, and every record page is activated',
    async run(project) {
        const [objects, apps, flexiPages] = await Promise.all([
            readMetadataFiles(project, metadataKinds.object),
            readMetadataFiles(project, metadataKinds.app),
            readMetadataFiles(project, metadataKinds.flexiPage),
        ]);
        const pages = new Map<string, FlexiPageInfo>(
            flexiPages.map((page) => [page.name, { name: page.name, type: text(page.node, 'type') ?? '', sobjectType: text(page.node, 'sobjectType') }]),
        );
        const assignments = assignmentsOf(objects, apps);
        const findings: FindingInput[] = [];
        for (const located of assignments) {
            for (const problem of activationProblems(located.assignment, pages)) {
                findings.push({
                    check: name,
                    file: project.relative(located.file.file),
                    line: lineOf(located),
                    message: `${located.assignment.content ?? 'A record page'} for ${located.assignment.object}: ${problem.problem} (${cite(problem.citation)}).`,
                    fix: problem.fix,
                });
            }
        }
        const activated = new Set(assignments.map((located) => located.assignment.content));
        for (const page of flexiPages) {
            if (text(page.node, 'type') !== 'RecordPage' || activated.has(page.name)) continue;
            findings.push({
                check: name,
                severity: 'warning',
                file: project.relative(page.file),
                message: `Record page ${page.name} is activated nowhere: no user sees it.`,
                fix: `Add an org-default <actionOverrides> (View, Flexipage, Large, content ${page.name}) to objects/${text(page.node, 'sobjectType') ?? '<Object>'}/${text(page.node, 'sobjectType') ?? '<Object>'}.object-meta.xml, or an app override.`,
            });
        }
        project.note(name, `${assignments.length} record-page assignments, ${pages.size} FlexiPages checked`);
        return findings;
    },
};
