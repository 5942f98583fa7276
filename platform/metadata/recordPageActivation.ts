import type { Citation } from '../citation';

/**
 * Where a Lightning record page is activated, in the three forms the Metadata API has for it:
 * the org default (an ActionOverride of the object), the app default (an AppActionOverride of a
 * CustomApplication) and the app + profile assignment (its profileActionOverrides).
 */
export type AssignmentForm = 'org-default' | 'app-default' | 'app-profile';

export interface RecordPageAssignment {
    readonly form: AssignmentForm;
    /** The sObject whose View action is overridden. */
    readonly object: string;
    readonly actionName: string;
    readonly type: string;
    readonly formFactor?: string;
    /** The FlexiPage named by the override. */
    readonly content?: string;
}

export interface FlexiPageInfo {
    readonly name: string;
    readonly type: string;
    readonly sobjectType?: string;
}

export interface ActivationProblem {
    readonly problem: string;
    readonly fix: string;
    readonly citation: Citation;
}

const metadataGuide = 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta';

/**
 * Metadata API Developer Guide, ActionOverride: "Action overrides are defined as part of a standard
 * or custom object." — the org default lives in the object's own metadata.
 */
export const orgDefaultCitation: Citation = {
    page: 'Metadata API Developer Guide, ActionOverride',
    url: `${metadataGuide}/actionoverride.htm`,
    quote: 'Action overrides are defined as part of a standard or custom object.',
};

/**
 * Metadata API Developer Guide, ActionOverride, formFactor: "If the type field is set to flexipage,
 * set this field to Large to override the View action with a Lightning Page in Lightning Experience."
 * Small is the Salesforce mobile app; Medium is reserved and no form factor means Salesforce Classic.
 */
export const formFactorCitation: Citation = {
    page: 'Metadata API Developer Guide, ActionOverride',
    url: `${metadataGuide}/actionoverride.htm`,
    quote: 'If the type field is set to flexipage, set this field to Large to override the View action with a Lightning Page in Lightning Experience.',
};

/**
 * Metadata API Developer Guide, CustomApplication: "actionOverrides AppActionOverride[] Represents an
 * action override for an application." No page documents the app form for the User object: its
 * record page is documented only through the object's own overrides (the org default), so the app
 * and app + profile forms are not accepted for the objects below.
 */
export const appOverrideCitation: Citation = {
    page: 'Metadata API Developer Guide, CustomApplication',
    url: `${metadataGuide}/meta_customapplication.htm`,
    quote: 'actionOverrides AppActionOverride[] Represents an action override for an application.',
};
export const objectsWithoutDocumentedAppAssignment: ReadonlySet<string> = new Set(['user']);

const LIGHTNING_FORM_FACTORS = new Set(['large', 'small']);

function placeOf(assignment: RecordPageAssignment): string {
    return assignment.form === 'org-default' ? `the ${assignment.object} object` : 'the app';
}

/** The problems of one record-page assignment against the documented forms; empty when it is one of them. */
export function activationProblems(assignment: RecordPageAssignment, pages: ReadonlyMap<string, FlexiPageInfo>): ActivationProblem[] {
    const problems: ActivationProblem[] = [];
    const object = assignment.object;
    if (assignment.form !== 'org-default' && objectsWithoutDocumentedAppAssignment.has(object.toLowerCase())) {
        problems.push({
            problem: `the ${object} record page is activated in a CustomApplication (${assignment.form}), a form no Salesforce page documents for ${object}`,
            fix: `Activate it as the org default instead: an <actionOverrides> entry (actionName View, type Flexipage, formFactor Large, content ${assignment.content ?? 'the page'}) in objects/${object}/${object}.object-meta.xml, and remove this one from the app.`,
            citation: orgDefaultCitation,
        });
    }
    if (assignment.actionName.toLowerCase() !== 'view') {
        problems.push({
            problem: `a Lightning record page overrides the ${assignment.actionName} action; record pages override View`,
            fix: 'Set <actionName>View</actionName>.',
            citation: formFactorCitation,
        });
    }
    if (!assignment.formFactor || !LIGHTNING_FORM_FACTORS.has(assignment.formFactor.toLowerCase())) {
        problems.push({
            problem: `formFactor is ${assignment.formFactor ?? 'missing'}: a Lightning page override needs Large (desktop) or Small (mobile)`,
            fix: 'Set <formFactor>Large</formFactor> (add a second override with Small for the mobile app).',
            citation: formFactorCitation,
        });
    }
    const page = assignment.content ? pages.get(assignment.content) : undefined;
    if (!assignment.content) {
        problems.push({ problem: 'the override names no FlexiPage (content)', fix: 'Set <content> to the record page\'s API name.', citation: formFactorCitation });
    } else if (!page) {
        problems.push({
            problem: `content ${assignment.content} is no FlexiPage of the project`,
            fix: `Add flexipages/${assignment.content}.flexipage-meta.xml or correct the name in ${placeOf(assignment)}.`,
            citation: formFactorCitation,
        });
    } else if (page.type !== 'RecordPage' || (page.sobjectType ?? '').toLowerCase() !== object.toLowerCase()) {
        problems.push({
            problem: `${page.name} is of type ${page.type}${page.sobjectType ? ` for ${page.sobjectType}` : ''}, not a record page of ${object}`,
            fix: `Point the override at a FlexiPage with <type>RecordPage</type> and <sobjectType>${object}</sobjectType>.`,
            citation: formFactorCitation,
        });
    }
    return problems;
}
