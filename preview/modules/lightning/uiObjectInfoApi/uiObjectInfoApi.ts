// lightning/uiObjectInfoApi for the preview: object descriptions and picklist values from the
// in-memory org's schema (the force-app field metadata).
import { PreviewWireAdapter, callOrg, objectName, qualifiedField } from 'preview/org';

export class getObjectInfo extends PreviewWireAdapter<{ objectApiName?: unknown }> {
    protected readonly requiredKeys = ['objectApiName'];
    protected load(config: { objectApiName?: unknown }): Promise<unknown> {
        return callOrg('object-info', { objectApiName: objectName(config.objectApiName) });
    }
    protected affectedBy(): boolean {
        return false;
    }
}

export class getObjectInfos extends PreviewWireAdapter<{ objectApiNames?: unknown[] }> {
    protected readonly requiredKeys = ['objectApiNames'];
    protected async load(config: { objectApiNames?: unknown[] }): Promise<unknown> {
        const results = await Promise.all(
            (config.objectApiNames ?? []).map((name) =>
                callOrg('object-info', { objectApiName: objectName(name) }).then(
                    (result) => ({ statusCode: 200, result }),
                    (error: { status?: number; body?: unknown }) => ({ statusCode: error.status ?? 500, result: [error.body] }),
                ),
            ),
        );
        return { results };
    }
    protected affectedBy(): boolean {
        return false;
    }
}

export class getPicklistValues extends PreviewWireAdapter<{ recordTypeId?: string; fieldApiName?: unknown }> {
    protected readonly requiredKeys = ['recordTypeId', 'fieldApiName'];
    protected load(config: { fieldApiName?: unknown }): Promise<unknown> {
        return callOrg('picklist-values', { fieldApiName: qualifiedField(config.fieldApiName) });
    }
    protected affectedBy(): boolean {
        return false;
    }
}

export class getPicklistValuesByRecordType extends PreviewWireAdapter<{ recordTypeId?: string; objectApiName?: unknown }> {
    protected readonly requiredKeys = ['recordTypeId', 'objectApiName'];
    protected load(config: { objectApiName?: unknown }): Promise<unknown> {
        return callOrg('picklist-values-by-record-type', { objectApiName: objectName(config.objectApiName) });
    }
    protected affectedBy(): boolean {
        return false;
    }
}
