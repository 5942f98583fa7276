// Pure evaluation of an opportunity against its sales-process milestones: which definitions apply
// (stage order and deal size), which are done and by what evidence, which wait on the milestones
// they depend on, the stage-ahead warning and the next milestone of the current stage. No platform imports, so every rule is unit-tested without wires.

export const EVIDENCE_TYPES = ['Contact Role', 'Activity', 'Field Filled', 'Manual'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface MilestoneDefinition {
    id: string;
    key: string | null;
    name: string;
    stage: string;
    order: number;
    guidance: string | null;
    evidenceType: EvidenceType;
    /** Role, activity type or Opportunity field API name; null for Manual. */
    evidenceValue: string | null;
    /** Applies only to deals of at least this amount; null = every deal. */
    minimumAmount: number | null;
    /** Milestone_Key__c values of the milestones this one depends on (Depends_On__c). */
    dependsOn: string[];
}

/** A definition an admin has to fix; counted and shown, never silently dropped. */
export interface DefinitionProblem {
    milestoneName: string;
    problem: string;
    fix: string;
}

export interface ContactRoleFact {
    id: string;
    role: string | null;
    contactName: string | null;
}

export interface ActivityFact {
    id: string;
    kind: 'Task' | 'Event';
    type: string | null;
    subtype: string | null;
    subject: string | null;
    /** ISO date or date-time of the call or meeting. */
    date: string | null;
    /** A completed task, or an event that has ended: only these count as evidence. */
    happened: boolean;
}

export interface CompletionFact {
    id: string;
    milestoneId: string;
    confirmedById: string | null;
    confirmedByName: string | null;
    confirmedOn: string | null;
}

export interface FieldFact {
    readable: boolean;
    value: unknown;
    displayValue: string | null;
}

export interface OpportunityFacts {
    /** null when the viewer can't read StageName. */
    stageName: string | null;
    isClosed: boolean;
    amount: number | null;
    amountReadable: boolean;
    /** Keyed by field API name (e.g. NextStep); absent or unreadable fields are `readable: false`. */
    fields: Record<string, FieldFact>;
}

export interface EvidenceSources {
    /** null when the viewer can't read the deal's contact roles. */
    contactRoles: ContactRoleFact[] | null;
    /** null when the viewer can't read the deal's activities. */
    activities: ActivityFact[] | null;
    completions: CompletionFact[];
}

export type MilestoneStatus = 'done' | 'open' | 'unverifiable';
export type StageRelation = 'earlier' | 'current' | 'later';

export interface Evidence {
    type: EvidenceType;
    /** What made it done, in plain words: "Decision Maker: Dana Ito". */
    summary: string;
    date: string | null;
    completion: CompletionFact | null;
}

export interface EvaluatedMilestone {
    definition: MilestoneDefinition;
    status: MilestoneStatus;
    stageRelation: StageRelation;
    evidence: Evidence | null;
    /** For open or unverifiable milestones: what is needed, or why it can't be checked. */
    need: string | null;
    /** Manual milestones not yet confirmed can be confirmed by the rep, once what they depend on is done. */
    canConfirm: boolean;
    /** Applicable milestones this one depends on that are not done yet. */
    blockedBy: MilestoneDefinition[];
}

export interface MilestoneEvaluation {
    stageName: string | null;
    /** False when the deal's stage has no place in the stage order: nothing can be measured. */
    stageKnown: boolean;
    isClosed: boolean;
    /** Applicable milestones of the current stage and the stages before it, in process order. */
    milestones: EvaluatedMilestone[];
    /** The current stage's applicable milestones, in order. */
    current: EvaluatedMilestone[];
    /** Applicable milestones of the stages after the current one, in order. */
    later: EvaluatedMilestone[];
    /** Stage-ahead warning: open milestones of stages the deal has already passed. */
    missingEarlier: EvaluatedMilestone[];
    /** The first open milestone of the current stage; when the stage is done, the first open later one. */
    next: EvaluatedMilestone | null;
    /** True when the current stage is done and `next` comes from a later stage. */
    nextIsUpcoming: boolean;
    /** Done milestones of the current and earlier stages. */
    doneCount: number;
    /** Milestones left out because the deal is below their minimum amount (or has no amount). */
    belowMinimumAmount: number;
    amountNote: 'blank' | 'hidden' | null;
    problems: DefinitionProblem[];
}

const FIELD_API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function normalize(text: string | null | undefined): string {
    return (text ?? '').trim().toLowerCase();
}

function isBlank(value: unknown): boolean {
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isEvidenceType(value: unknown): value is EvidenceType {
    return typeof value === 'string' && (EVIDENCE_TYPES as readonly string[]).includes(value);
}

/** Raw definition values as they arrive from the org, before checking. */
export interface RawDefinition {
    id: string;
    key?: string | null;
    name?: string | null;
    stage?: string | null;
    order?: number | null;
    guidance?: string | null;
    evidenceType?: string | null;
    evidenceValue?: string | null;
    minimumAmount?: number | null;
    /** Depends_On__c: milestone keys separated by commas, semicolons or line breaks. */
    dependsOn?: string | null;
}

/** Depends_On__c as a list of keys. */
export function parseDependsOn(value: string | null | undefined): string[] {
    return [...new Set((value ?? '').split(/[,;\n]/).map((key) => key.trim()).filter(Boolean))];
}

/** Dependencies naming no milestone (or the milestone itself) are reported and dropped. */
function checkDependencies(definitions: MilestoneDefinition[], problems: DefinitionProblem[]): MilestoneDefinition[] {
    const keys = new Set(definitions.map((item) => item.key).filter((key): key is string => Boolean(key)));
    return definitions.map((definition) => {
        const unknown = definition.dependsOn.filter((key) => !keys.has(key) || key === definition.key);
        if (unknown.length === 0) {
            return definition;
        }
        problems.push({
            milestoneName: definition.name,
            problem: `depends on ${unknown.map((key) => `"${key}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not another active milestone's key`,
            fix: 'Set Depends_On__c to the Milestone_Key__c of other active milestones, separated by commas.',
        });
        return { ...definition, dependsOn: definition.dependsOn.filter((key) => !unknown.includes(key)) };
    });
}

/**
 * Checks raw definitions. A definition an admin has to fix is left out and reported with the
 * field to correct, so the panel never measures against a half-defined milestone.
 */
export function checkDefinitions(raw: RawDefinition[]): {
    definitions: MilestoneDefinition[];
    problems: DefinitionProblem[];
} {
    const definitions: MilestoneDefinition[] = [];
    const problems: DefinitionProblem[] = [];
    for (const item of raw) {
        const name = (item.name ?? '').trim() || `Milestone ${item.key ?? item.id}`;
        const report = (problem: string, fix: string) => problems.push({ milestoneName: name, problem, fix });
        const stage = (item.stage ?? '').trim();
        if (!stage) {
            report('has no stage', 'Set Stage__c to the Opportunity stage it belongs to.');
            continue;
        }
        if (typeof item.order !== 'number' || Number.isNaN(item.order)) {
            report('has no order', 'Set Order__c to its position in the sales process.');
            continue;
        }
        if (!isEvidenceType(item.evidenceType)) {
            report(
                item.evidenceType ? `has an unknown evidence type "${item.evidenceType}"` : 'has no evidence type',
                `Set Evidence_Type__c to one of: ${EVIDENCE_TYPES.join(', ')}.`,
            );
            continue;
        }
        const evidenceValue = (item.evidenceValue ?? '').trim() || null;
        if (item.evidenceType !== 'Manual' && !evidenceValue) {
            const what: Record<Exclude<EvidenceType, 'Manual'>, string> = {
                'Contact Role': 'the contact role, e.g. Decision Maker',
                Activity: 'the activity type, e.g. Meeting or Call',
                'Field Filled': 'the Opportunity field API name, e.g. NextStep',
            };
            report(`has no evidence value for ${item.evidenceType}`, `Set Evidence_Value__c to ${what[item.evidenceType]}.`);
            continue;
        }
        if (item.evidenceType === 'Field Filled' && evidenceValue && !FIELD_API_NAME.test(evidenceValue)) {
            report(
                `names "${evidenceValue}", which is not an Opportunity field API name`,
                'Set Evidence_Value__c to a field API name such as NextStep (no spaces, no Opportunity. prefix).',
            );
            continue;
        }
        definitions.push({
            id: item.id,
            key: item.key ?? null,
            name,
            stage,
            order: item.order,
            guidance: (item.guidance ?? '').trim() || null,
            evidenceType: item.evidenceType,
            evidenceValue: item.evidenceType === 'Manual' ? null : evidenceValue,
            minimumAmount: typeof item.minimumAmount === 'number' && item.minimumAmount > 0 ? item.minimumAmount : null,
            dependsOn: parseDependsOn(item.dependsOn),
        });
    }
    return { definitions: checkDependencies(definitions, problems), problems };
}

/** The Opportunity fields the Field Filled definitions need, as `Opportunity.<name>`. */
export function evidenceFieldNames(definitions: MilestoneDefinition[]): string[] {
    const names = new Set<string>();
    for (const definition of definitions) {
        if (definition.evidenceType === 'Field Filled' && definition.evidenceValue) {
            names.add(`Opportunity.${definition.evidenceValue}`);
        }
    }
    return [...names].sort();
}

/**
 * Stage order from the definitions themselves: each stage sits at its lowest Order__c. Used only
 * when the StageName picklist can't be read; it can't place a stage that has no milestones.
 */
export function stageOrderFromDefinitions(definitions: MilestoneDefinition[]): string[] {
    const firstOrder = new Map<string, number>();
    for (const definition of definitions) {
        const known = firstOrder.get(definition.stage);
        if (known === undefined || definition.order < known) {
            firstOrder.set(definition.stage, definition.order);
        }
    }
    return [...firstOrder.entries()].sort((a, b) => a[1] - b[1]).map(([stage]) => stage);
}

function byProcessOrder(stageRank: Map<string, number>) {
    return (a: MilestoneDefinition, b: MilestoneDefinition) =>
        (stageRank.get(a.stage) ?? 0) - (stageRank.get(b.stage) ?? 0) ||
        a.order - b.order ||
        a.name.localeCompare(b.name);
}

function appliesToAmount(definition: MilestoneDefinition, amount: number | null): boolean {
    if (definition.minimumAmount === null) {
        return true;
    }
    return amount !== null && amount >= definition.minimumAmount;
}

function mostRecentFirst<T extends { date: string | null }>(items: T[]): T[] {
    return [...items].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

function evaluateOne(
    definition: MilestoneDefinition,
    stageRelation: StageRelation,
    opportunity: OpportunityFacts,
    sources: EvidenceSources,
    fieldLabels: Record<string, string>,
): EvaluatedMilestone {
    const result = (
        status: MilestoneStatus,
        evidence: Evidence | null,
        need: string | null,
        canConfirm = false,
    ): EvaluatedMilestone => ({ definition, status, stageRelation, evidence, need, canConfirm, blockedBy: [] });
    const value = definition.evidenceValue ?? '';

    switch (definition.evidenceType) {
        case 'Manual': {
            const completion = sources.completions.find((item) => item.milestoneId === definition.id);
            if (!completion) {
                return result('open', null, 'Confirm it here once it is done.', true);
            }
            const who = completion.confirmedByName ?? 'a user';
            return result('done', { type: 'Manual', summary: `Confirmed by ${who}`, date: completion.confirmedOn, completion }, null);
        }
        case 'Contact Role': {
            if (sources.contactRoles === null) {
                return result('unverifiable', null, "You can't see this deal's contact roles, so this can't be checked.");
            }
            const match = sources.contactRoles.find((item) => normalize(item.role) === normalize(value));
            if (!match) {
                return result('open', null, `Add a contact role: ${value}.`);
            }
            // A contact whose name the viewer can't read is still a contact in that role.
            const summary = match.contactName ? `${match.role ?? value}: ${match.contactName}` : `${match.role ?? value} added`;
            return result('done', { type: 'Contact Role', summary, date: null, completion: null }, null);
        }
        case 'Activity': {
            if (sources.activities === null) {
                return result('unverifiable', null, "You can't see this deal's activities, so this can't be checked.");
            }
            const wanted = normalize(value);
            const match = mostRecentFirst(sources.activities).find(
                (item) =>
                    item.happened &&
                    (normalize(item.type) === wanted ||
                        normalize(item.subtype) === wanted ||
                        // A calendar event without a type is a meeting.
                        (item.kind === 'Event' && wanted === 'meeting' && isBlank(item.type))),
            );
            if (!match) {
                return result('open', null, `Log a completed ${value.toLowerCase()} on this deal.`);
            }
            // "Call: Intro call with Priya"; a subject that only repeats the type adds nothing.
            const summary =
                match.subject && normalize(match.subject) !== wanted ? `${value}: ${match.subject}` : `${value} logged`;
            return result('done', { type: 'Activity', summary, date: match.date, completion: null }, null);
        }
        default: {
            // Field Filled: named by its label (object info), the API name only when no label is known.
            const field = opportunity.fields[value];
            const label = fieldLabels[value] ?? value;
            if (!field || !field.readable) {
                return result('unverifiable', null, `You can't see the field ${label}, so this can't be checked.`);
            }
            if (isBlank(field.value)) {
                return result('open', null, `Fill in ${label}.`);
            }
            const shown = field.displayValue ?? String(field.value);
            return result('done', { type: 'Field Filled', summary: `${label}: ${shown}`, date: null, completion: null }, null);
        }
    }
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A milestone waits on the applicable milestones it depends on that are not done: a manual one
 * can't be confirmed until they are, and says which. Data evidence is never overruled: a contact
 * role that exists is done whatever it depends on.
 */
function applyDependencies(evaluated: EvaluatedMilestone[]): EvaluatedMilestone[] {
    const byKey = new Map(evaluated.flatMap((item) => (item.definition.key ? [[item.definition.key, item] as const] : [])));
    return evaluated.map((item) => {
        const blockedBy = item.definition.dependsOn
            .map((key) => byKey.get(key))
            .filter((other): other is EvaluatedMilestone => other !== undefined && other.status !== 'done')
            .map((other) => other.definition);
        if (blockedBy.length === 0) {
            return item;
        }
        const names = joinNames(blockedBy.map((other) => `"${other.name}"`));
        return item.status === 'open' && item.definition.evidenceType === 'Manual'
            ? { ...item, blockedBy, canConfirm: false, need: `Can be confirmed once ${names} ${blockedBy.length === 1 ? 'is' : 'are'} done.` }
            : { ...item, blockedBy };
    });
}

/**
 * Evaluates the deal. `stageOrder` is the sales process's stage names in order (the StageName
 * picklist order, or stageOrderFromDefinitions when that can't be read).
 */
export function evaluateMilestones(input: {
    definitions: MilestoneDefinition[];
    problems?: DefinitionProblem[];
    stageOrder: string[];
    opportunity: OpportunityFacts;
    sources: EvidenceSources;
    /** Opportunity field labels by API name (object info), for the Field Filled guidance. */
    fieldLabels?: Record<string, string>;
}): MilestoneEvaluation {
    const { opportunity, sources } = input;
    const problems = [...(input.problems ?? [])];
    const stageRank = new Map(input.stageOrder.map((stage, index) => [stage, index]));

    const placed: MilestoneDefinition[] = [];
    for (const definition of input.definitions) {
        if (stageRank.has(definition.stage)) {
            placed.push(definition);
        } else {
            problems.push({
                milestoneName: definition.name,
                problem: `names the stage "${definition.stage}", which is not an Opportunity stage`,
                fix: `Set Stage__c to one of: ${input.stageOrder.join(', ')}.`,
            });
        }
    }

    const currentRank = opportunity.stageName === null ? undefined : stageRank.get(opportunity.stageName);
    const amountNote = !opportunity.amountReadable ? 'hidden' : opportunity.amount === null ? 'blank' : null;
    const base = {
        stageName: opportunity.stageName,
        isClosed: opportunity.isClosed,
        amountNote,
        problems,
    } as const;
    if (currentRank === undefined) {
        return {
            ...base,
            stageKnown: false,
            milestones: [],
            current: [],
            later: [],
            missingEarlier: [],
            next: null,
            nextIsUpcoming: false,
            doneCount: 0,
            belowMinimumAmount: 0,
        };
    }

    const amount = opportunity.amountReadable ? opportunity.amount : null;
    const applicable = placed.filter((definition) => appliesToAmount(definition, amount));
    const belowMinimumAmount = placed.length - applicable.length;
    const evaluated = applyDependencies(
        applicable.sort(byProcessOrder(stageRank)).map((definition) => {
            const rank = stageRank.get(definition.stage) ?? 0;
            const relation: StageRelation = rank < currentRank ? 'earlier' : rank === currentRank ? 'current' : 'later';
            return evaluateOne(definition, relation, opportunity, sources, input.fieldLabels ?? {});
        }),
    );

    const milestones = evaluated.filter((item) => item.stageRelation !== 'later');
    const current = evaluated.filter((item) => item.stageRelation === 'current');
    const later = evaluated.filter((item) => item.stageRelation === 'later');
    // "Next" is the current stage's work; earlier gaps have their own warning line.
    const firstOpen = current.find((item) => item.status === 'open') ?? null;
    const upcoming = firstOpen || current.some((item) => item.status !== 'done') ? null : (later.find((item) => item.status !== 'done') ?? null);

    return {
        ...base,
        stageKnown: true,
        milestones,
        current,
        later,
        // A closed deal has nothing left to move through: no warning, no next step.
        missingEarlier: opportunity.isClosed
            ? []
            : milestones.filter((item) => item.stageRelation === 'earlier' && item.status === 'open'),
        next: opportunity.isClosed ? null : (firstOpen ?? upcoming),
        nextIsUpcoming: !opportunity.isClosed && !firstOpen && upcoming !== null,
        doneCount: milestones.filter((item) => item.status === 'done').length,
        belowMinimumAmount,
    };
}

/** Completion_Key__c: one confirmation per milestone per deal. */
export function completionKey(opportunityId: string, milestoneId: string): string {
    return `${opportunityId}:${milestoneId}`;
}
