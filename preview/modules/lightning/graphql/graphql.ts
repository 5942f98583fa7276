// lightning/graphql for the preview: the graphql wire runs UI API GraphQL queries on the
// in-memory org. As on the platform, a result shows updates to the records it contains; new
// records appear after refreshGraphQL(result).
import { type Change, PreviewWireAdapter, callOrg } from 'preview/org';

interface GraphQlAnswer {
    data: unknown;
    errors: unknown[];
    recordIds: string[];
}

type GraphQlConfig = { query?: unknown; variables?: Record<string, unknown>; operationName?: string };


/** Joins a tagged template into the query text the wire sends. */
export function gql(strings: TemplateStringsArray | string, ...values: unknown[]): string {
    if (typeof strings === 'string') return strings;
    return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

export class graphql extends PreviewWireAdapter<GraphQlConfig> {
    protected readonly requiredKeys = ['query'];
    private shown = new Set<string>();

    protected async load(config: GraphQlConfig): Promise<unknown> {
        const answer = await callOrg<GraphQlAnswer>('graphql', { query: String(config.query), variables: config.variables ?? {}, operationName: config.operationName });
        this.shown = new Set(answer.recordIds);
        return answer;
    }

    protected override shape(answer: unknown): unknown {
        const { data, errors } = answer as GraphQlAnswer;
        // The platform's result carries refresh(); components may keep it and call it after writes.
        return { data: data ?? undefined, errors: errors.length ? errors : undefined, refresh: () => this.refresh() };
    }

    protected override shapeError(error: unknown): unknown {
        return { data: undefined, errors: [error], refresh: () => this.refresh() };
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => this.shown.has(c.id));
    }
}

/** Fetches the query of a wired result again; resolves when the new result is delivered. */
export function refreshGraphQL(result: unknown): Promise<unknown> {
    const refresh = (result as { refresh?: () => Promise<void> } | undefined)?.refresh;
    return typeof refresh === 'function' ? refresh() : Promise.resolve(undefined);
}
