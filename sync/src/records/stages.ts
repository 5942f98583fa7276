// The sales process: open stages in order with their probabilities, and the closed stages. From
// OpportunityStage when exported; otherwise inferred from the probabilities seen on opportunities
// and their history (stages ordered by mean probability, closed ones recognised by IsClosed/IsWon
// or, lacking those, by name).
import { ownString } from './fields';

export interface Stage {
    name: string;
    /** Other names the stage goes by (its ApiName when that differs from the label). */
    aliases?: string[];
    /** Position among the open stages (0 = first); -1 for closed stages. */
    rank: number;
    probability: number | null;
    isClosed: boolean;
    isWon: boolean;
    isDecision: boolean;
}

export class StageTable {
    private readonly byName = new Map<string, Stage>();
    readonly openStages: Stage[];

    constructor(
        stages: Stage[],
        /** True when the order was inferred (no OpportunityStage export). */
        readonly inferred: boolean,
    ) {
        for (const stage of stages) {
            for (const name of [stage.name, ...(stage.aliases ?? [])]) {
                this.byName.set(name, stage);
                this.byName.set(name.toLowerCase(), stage);
            }
        }
        this.openStages = stages.filter((stage) => !stage.isClosed).sort((a, b) => a.rank - b.rank);
    }

    get(name: string): Stage | undefined {
        return this.byName.get(name) ?? this.byName.get(name.trim().toLowerCase());
    }

    get decisionStageNames(): string[] {
        return this.openStages.filter((stage) => stage.isDecision).map((stage) => stage.name);
    }

    /** Rank of the first decision stage; Infinity when there is none. */
    get firstDecisionRank(): number {
        return this.openStages.find((stage) => stage.isDecision)?.rank ?? Number.POSITIVE_INFINITY;
    }
}

export interface StageDefinition {
    name: string;
    aliases?: string[];
    sortOrder: number | null;
    probability: number | null;
    isClosed: boolean | null;
    isWon: boolean | null;
}

function markDecision(open: Stage[], decisionStages: readonly string[] | undefined, decisionProbability: number): void {
    const configured = decisionStages?.map((name) => name.toLowerCase());
    for (const stage of open) {
        stage.isDecision = configured
            ? configured.includes(stage.name.toLowerCase())
            : stage.probability !== null && stage.probability >= decisionProbability;
    }
}

export function stageTableFromDefinitions(
    definitions: StageDefinition[],
    decisionStages: readonly string[] | undefined,
    decisionProbability: number,
): StageTable {
    const open = definitions
        .filter((definition) => !definition.isClosed)
        .map((definition, index) => ({ definition, index }))
        .sort(
            (a, b) =>
                (a.definition.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.definition.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
                (a.definition.probability ?? 0) - (b.definition.probability ?? 0) ||
                a.index - b.index,
        )
        .map(({ definition }, rank): Stage => ({
            name: definition.name,
            aliases: definition.aliases,
            rank,
            probability: definition.probability,
            isClosed: false,
            isWon: false,
            isDecision: false,
        }));
    markDecision(open, decisionStages, decisionProbability);
    const closed = definitions
        .filter((definition) => definition.isClosed)
        .map((definition): Stage => ({
            name: definition.name,
            aliases: definition.aliases,
            rank: -1,
            probability: definition.probability,
            isClosed: true,
            isWon: Boolean(definition.isWon),
            isDecision: false,
        }));
    return new StageTable([...open, ...closed], false);
}

/** Evidence about one stage name gathered while streaming, for inference. */
export class StageEvidence {
    private readonly seen = new Map<string, { order: number; probabilitySum: number; probabilityCount: number; closed: number; won: number; flagged: number }>();

    note(name: string, probability: number | null | undefined, isClosed: boolean | null | undefined, isWon: boolean | null | undefined): void {
        let entry = this.seen.get(name);
        if (!entry) {
            entry = { order: this.seen.size, probabilitySum: 0, probabilityCount: 0, closed: 0, won: 0, flagged: 0 };
            this.seen.set(ownString(name), entry);
        }
        if (probability !== null && probability !== undefined) {
            entry.probabilitySum += probability;
            entry.probabilityCount += 1;
        }
        if (isClosed !== null && isClosed !== undefined) {
            entry.flagged += 1;
            if (isClosed) entry.closed += 1;
            if (isWon) entry.won += 1;
        }
    }

    infer(decisionStages: readonly string[] | undefined, decisionProbability: number): StageTable {
        const definitions: StageDefinition[] = [];
        for (const [name, entry] of this.seen) {
            const probability = entry.probabilityCount > 0 ? entry.probabilitySum / entry.probabilityCount : null;
            let isClosed: boolean;
            let isWon: boolean;
            if (entry.flagged > 0) {
                isClosed = entry.closed * 2 > entry.flagged;
                isWon = isClosed && entry.won * 2 > entry.closed;
            } else {
                isClosed = /closed|won|lost/i.test(name);
                isWon = isClosed && /won/i.test(name);
            }
            definitions.push({ name, sortOrder: null, probability, isClosed, isWon });
        }
        const table = stageTableFromDefinitions(definitions, decisionStages, decisionProbability);
        return new StageTable([...table.openStages, ...definitions.filter((d) => d.isClosed).map((d) => table.get(d.name)!)], true);
    }
}
