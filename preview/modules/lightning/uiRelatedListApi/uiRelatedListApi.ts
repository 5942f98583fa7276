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
        const { recordIds, ...result } = await callOrg<RelatedListRecords>('related-list', request(config));
        this.objectApiName = result.listReference.objectApiName;
        this.shown = new Set(recordIds);
        return result;
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
                const { parentRecordId: _parent, ...rest } = request({ ...parameters, parentRecordId: config.parentRecordId });
                return rest;
            }),
        });
        return {
            results: answer.results.map(({ statusCode, result }) => {
                if (statusCode !== 200) return { statusCode, result };
                const { recordIds: _ids, ...list } = result as RelatedListRecords;
                this.objects.add(list.listReference.objectApiName);
                return { statusCode, result: list };
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
