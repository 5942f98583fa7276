// lightning/uiRelatedListApi for the preview: related-list wires over the in-memory org. A write
// to a record of the listed object (or to a listed record) makes the list fetch again.
import { type Change, PreviewWireAdapter, callOrg, fieldList } from 'preview/org';

interface RelatedListRecords {
    records: Array<{ id: string }>;
    count: number;
    listReference: { objectApiName: string };
    recordIds: string[];
}

type RelatedListConfig = {
    parentRecordId?: string;
    relatedListId?: string;
    fields?: unknown;
    optionalFields?: unknown;
    sortBy?: string[];
    where?: string;
    pageSize?: number;
    pageToken?: string;
};

/** A related-list answer without the ids the server adds for refreshes. */
function withoutIds(answer: RelatedListRecords): Omit<RelatedListRecords, 'recordIds'> {
    const list: Partial<RelatedListRecords> = { ...answer };
    delete list.recordIds;
    return list as Omit<RelatedListRecords, 'recordIds'>;
}

function request(config: RelatedListConfig) {
    return {
        parentRecordId: config.parentRecordId,
        relatedListId: config.relatedListId,
        fields: fieldList(config.fields),
        optionalFields: fieldList(config.optionalFields),
        sortBy: config.sortBy,
        where: config.where,
        pageSize: config.pageSize,
        pageToken: config.pageToken,
    };
}

export class getRelatedListRecords extends PreviewWireAdapter<RelatedListConfig> {
    protected readonly requiredKeys = ['parentRecordId', 'relatedListId'];
    private objectApiName = '';
    private shown = new Set<string>();

    protected async load(config: RelatedListConfig): Promise<unknown> {
        const answer = await callOrg<RelatedListRecords>('related-list', request(config));
        this.objectApiName = answer.listReference.objectApiName;
        this.shown = new Set(answer.recordIds);
        return withoutIds(answer);
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => c.apiName === this.objectApiName || this.shown.has(c.id) || c.id === this.config?.parentRecordId);
    }
}

type BatchConfig = { parentRecordId?: string; relatedListParameters?: RelatedListConfig[] };
type BatchAnswer = { results: Array<{ statusCode: number; result: RelatedListRecords | unknown[] }> };

export class getRelatedListRecordsBatch extends PreviewWireAdapter<BatchConfig> {
    protected readonly requiredKeys = ['parentRecordId', 'relatedListParameters'];
    private objects = new Set<string>();

    protected async load(config: BatchConfig): Promise<unknown> {
        const answer = await callOrg<BatchAnswer>('related-list-batch', {
            parentRecordId: config.parentRecordId,
            relatedListParameters: (config.relatedListParameters ?? []).map((parameters) => {
                const list: Partial<ReturnType<typeof request>> = request(parameters);
                delete list.parentRecordId;
                return list;
            }),
        });
        return {
            results: answer.results.map(({ statusCode, result }) => {
                if (statusCode !== 200) return { statusCode, result };
                const list = result as RelatedListRecords;
                this.objects.add(list.listReference.objectApiName);
                return { statusCode, result: withoutIds(list) };
            }),
        };
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => this.objects.has(c.apiName) || c.id === this.config?.parentRecordId);
    }
}

export class getRelatedListCount extends PreviewWireAdapter<RelatedListConfig> {
    protected readonly requiredKeys = ['parentRecordId', 'relatedListId'];
    private objectApiName = '';

    protected async load(config: RelatedListConfig): Promise<unknown> {
        const result = await callOrg<RelatedListRecords & { totalCount: number }>('related-list', { ...request(config), pageSize: 1 });
        this.objectApiName = result.listReference.objectApiName;
        return { count: result.totalCount, hasMore: false, listReference: result.listReference };
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => c.apiName === this.objectApiName);
    }
}
