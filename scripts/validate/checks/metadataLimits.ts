import { appDescriptionLimit, appLabelLimit, tabLabelLimit } from '../../../platform/metadata/appAndTabText';
import { apiNameFormatCitation, apiNameProblem } from '../../../platform/metadata/apiNameFormat';
import { cite } from '../../../platform/citation';
import { customFieldApiNameLimit, customFieldLabelLimit, relationshipNameLimit } from '../../../platform/metadata/customFieldNames';
import { customFieldsPerObject } from '../../../platform/metadata/customFieldsPerObject';
import { customObjectApiNameLimit } from '../../../platform/metadata/customObjectNames';
import { flexiPageRegionComponents } from '../../../platform/metadata/flexiPageRegionComponents';
import { charactersOver, LengthLimit } from '../../../platform/metadata/lengthLimit';
import { listViewApiNameLimit, listViewLabelLimit } from '../../../platform/metadata/listViewNames';
import { masterDetailPerObject } from '../../../platform/metadata/masterDetailPerObject';
import { permissionSetApiNameLimit, permissionSetDescriptionLimit, permissionSetLabelLimit } from '../../../platform/metadata/permissionSetText';
import { picklistValueLimit, restrictedPicklistValueCount } from '../../../platform/metadata/picklistValues';
import { MetadataFile, metadataKinds, readMetadataFiles } from '../metadataFiles';
import { Check, FindingInput, ProjectContext } from '../types';
import { child, lineOfElement, text, toArray, XmlNode } from '../xml';

const name = 'metadata-limits';

/** One value to hold against a limit: where it is and what it is. */
interface Measured {
    readonly file: MetadataFile;
    readonly tag: string;
    readonly value: string | undefined;
    readonly limit: LengthLimit;
    /** The value as written, when the limit counts only part of it (an API name without __c). */
    readonly written?: string;
}

function lengthFinding(project: ProjectContext, measured: Measured): FindingInput | undefined {
    const over = charactersOver(measured.limit, measured.value);
    if (over === 0) return undefined;
    const written = measured.written ?? measured.value!;
    return {
        check: name,
        file: project.relative(measured.file.file),
        line: lineOfElement(measured.file.text, measured.tag, written),
        message: `${measured.file.name}: ${measured.limit.subject} is ${measured.value!.length} characters, over the platform's ${measured.limit.max} (${cite(measured.limit.citation)}); the deploy fails.`,
        fix: `Shorten <${measured.tag}> by at least ${over} character${over === 1 ? '' : 's'}.`,
    };
}

function apiNameFinding(project: ProjectContext, file: MetadataFile, apiName: string): FindingInput | undefined {
    const problem = apiNameProblem(apiName);
    if (!problem) return undefined;
    return {
        check: name,
        file: project.relative(file.file),
        message: `API name ${apiName} ${problem} (${cite(apiNameFormatCitation)}).`,
        fix: 'Rename the component (its file and fullName) to letters, digits and single underscores, starting with a letter.',
    };
}

const withoutSuffix = (apiName: string) => apiName.replace(/__[a-z]+$/i, '');
const isCustom = (apiName: string) => /__c$/i.test(apiName);

function picklistFindings(project: ProjectContext, field: MetadataFile): FindingInput[] {
    const valueSet = child(field.node, 'valueSet');
    const values = toArray<XmlNode>(child(valueSet, 'valueSetDefinition')?.value);
    const findings: FindingInput[] = [];
    for (const value of values) {
        for (const tag of ['fullName', 'label'] as const) {
            const finding = lengthFinding(project, { file: field, tag, value: text(value, tag), limit: picklistValueLimit });
            if (finding) findings.push(finding);
        }
    }
    if (text(valueSet, 'restricted') === 'true' && values.length > restrictedPicklistValueCount.max) {
        findings.push({
            check: name,
            file: project.relative(field.file),
            message: `${field.object}.${field.name} is a restricted picklist with ${values.length} values, over ${restrictedPicklistValueCount.max} (${cite(restrictedPicklistValueCount.citation)}).`,
            fix: 'Remove values, or split the picklist.',
        });
    }
    return findings;
}

function fieldFindings(project: ProjectContext, field: MetadataFile): FindingInput[] {
    const findings = picklistFindings(project, field);
    if (!isCustom(field.name)) return findings;
    const relationshipName = text(field.node, 'relationshipName');
    const measured: Measured[] = [
        { file: field, tag: 'fullName', value: withoutSuffix(field.name), written: field.name, limit: customFieldApiNameLimit },
        { file: field, tag: 'label', value: text(field.node, 'label'), limit: customFieldLabelLimit },
        { file: field, tag: 'relationshipName', value: relationshipName, limit: relationshipNameLimit },
    ];
    for (const item of measured) {
        const finding = lengthFinding(project, item);
        if (finding) findings.push(finding);
    }
    const format = apiNameFinding(project, field, field.name);
    if (format) findings.push(format);
    return findings;
}

function perObjectFindings(project: ProjectContext, fields: readonly MetadataFile[]): FindingInput[] {
    const byObject = new Map<string, MetadataFile[]>();
    for (const field of fields.filter((f) => isCustom(f.name))) byObject.set(field.object!, [...(byObject.get(field.object!) ?? []), field]);
    const findings: FindingInput[] = [];
    for (const [object, objectFields] of byObject) {
        const masterDetails = objectFields.filter((field) => text(field.node, 'type') === 'MasterDetail');
        if (objectFields.length > customFieldsPerObject.max) {
            findings.push({
                check: name,
                file: project.relative(objectFields[0]!.file),
                message: `${object} has ${objectFields.length} custom fields, over the ${customFieldsPerObject.edition} Edition's ${customFieldsPerObject.max} (${cite(customFieldsPerObject.citation)}).`,
                fix: `Remove custom fields from ${object} (relationship fields count too).`,
            });
        }
        if (masterDetails.length > masterDetailPerObject.max) {
            findings.push({
                check: name,
                file: project.relative(masterDetails[masterDetailPerObject.max]!.file),
                message: `${object} has ${masterDetails.length} master-detail fields (${masterDetails.map((f) => f.name).join(', ')}), over ${masterDetailPerObject.max} (${cite(masterDetailPerObject.citation)}).`,
                fix: 'Make all but two of them lookups.',
            });
        }
    }
    return findings;
}

function flexiPageFindings(project: ProjectContext, page: MetadataFile): FindingInput[] {
    return toArray<XmlNode>(page.node.flexiPageRegions)
        .filter((region) => toArray(region.itemInstances).length > flexiPageRegionComponents.max)
        .map((region) => ({
            check: name,
            file: project.relative(page.file),
            line: lineOfElement(page.text, 'name', text(region, 'name') ?? ''),
            message: `${page.name}: region ${text(region, 'name')} holds ${toArray(region.itemInstances).length} components, over ${flexiPageRegionComponents.max} (${cite(flexiPageRegionComponents.citation)}).`,
            fix: 'Move components into tabs or another region.',
        }));
}

function lengthFindings(project: ProjectContext, items: readonly Measured[]): FindingInput[] {
    return items.map((item) => lengthFinding(project, item)).filter((f): f is FindingInput => f !== undefined);
}

/** The lengths of one file's texts, and the form of its API name when it has one to check. */
function fileFindings(project: ProjectContext, file: MetadataFile, items: readonly Measured[], apiName?: string): FindingInput[] {
    const format = apiName === undefined ? undefined : apiNameFinding(project, file, apiName);
    return [...lengthFindings(project, items), ...(format ? [format] : [])];
}

/**
 * The documented length and count limits of what the project ships (objects, fields, picklist
 * values, list views, permission sets, apps, tabs, components per FlexiPage region); each finding
 * quotes the Salesforce page it encodes. FlexiPage and layout labels have no documented limit the
 * validation could find offline.
 */
export const metadataLimitsCheck: Check = {
    name,
    description: 'labels, descriptions, API names, picklist values and per-object field counts within the documented platform limits',
    async run(project) {
        const [objects, fields, listViews, permissionSets, apps, tabs, flexiPages] = await Promise.all([
            readMetadataFiles(project, metadataKinds.object),
            readMetadataFiles(project, metadataKinds.field),
            readMetadataFiles(project, metadataKinds.listView),
            readMetadataFiles(project, metadataKinds.permissionSet),
            readMetadataFiles(project, metadataKinds.app),
            readMetadataFiles(project, metadataKinds.tab),
            readMetadataFiles(project, metadataKinds.flexiPage),
        ]);
        const findings: FindingInput[] = [];
        for (const object of objects.filter((o) => isCustom(o.name))) {
            findings.push(...fileFindings(project, object, [{ file: object, tag: 'fullName', value: withoutSuffix(object.name), written: object.name, limit: customObjectApiNameLimit }], object.name));
        }
        for (const field of fields) findings.push(...fieldFindings(project, field));
        findings.push(...perObjectFindings(project, fields));
        for (const view of listViews) {
            findings.push(...fileFindings(project, view, [
                { file: view, tag: 'label', value: text(view.node, 'label'), limit: listViewLabelLimit },
                { file: view, tag: 'fullName', value: view.name, limit: listViewApiNameLimit },
            ], view.name));
        }
        for (const set of permissionSets) {
            findings.push(...fileFindings(project, set, [
                { file: set, tag: 'label', value: text(set.node, 'label'), limit: permissionSetLabelLimit },
                { file: set, tag: 'description', value: text(set.node, 'description'), limit: permissionSetDescriptionLimit },
                { file: set, tag: 'fullName', value: set.name, limit: permissionSetApiNameLimit },
            ], set.name));
        }
        for (const app of apps) {
            findings.push(...fileFindings(project, app, [
                { file: app, tag: 'label', value: text(app.node, 'label'), limit: appLabelLimit },
                { file: app, tag: 'description', value: text(app.node, 'description'), limit: appDescriptionLimit },
            ]));
        }
        for (const tab of tabs) findings.push(...lengthFindings(project, [{ file: tab, tag: 'label', value: text(tab.node, 'label'), limit: tabLabelLimit }]));
        for (const page of flexiPages) findings.push(...flexiPageFindings(project, page));
        project.note(name, `${objects.length} objects, ${fields.length} fields, ${listViews.length} list views, ${permissionSets.length} permission sets, ${apps.length} apps, ${tabs.length} tabs, ${flexiPages.length} FlexiPages checked`);
        return findings;
    },
};
