// Declarations for the Lightning Data Service modules that @salesforce/lightning-types lacks.
// They describe the platform's public API; jest replaces them with sfdx-lwc-jest stubs.

declare module '@salesforce/schema/*' {
    const fieldOrObject: string;
    export default fieldOrObject;
}

declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface FieldValue {
        value: unknown;
        displayValue?: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValue>;
        lastModifiedDate?: string;
        systemModstamp?: string;
    }
    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
    }
    export const getRecord: WireAdapterConstructor;
    export const getRecords: WireAdapterConstructor;
    export function getFieldValue(record: RecordRepresentation | undefined | null, field: string): unknown;
    export function getFieldDisplayValue(record: RecordRepresentation | undefined | null, field: string): string | null | undefined;
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(recordInput: RecordInput, clientOptions?: unknown): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/uiRelatedListApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export const getRelatedListRecords: WireAdapterConstructor;
    export const getRelatedListRecordsBatch: WireAdapterConstructor;
    export const getRelatedListCount: WireAdapterConstructor;
    export const getRelatedListInfo: WireAdapterConstructor;
}

declare module 'lightning/uiObjectInfoApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export const getObjectInfo: WireAdapterConstructor;
    export const getObjectInfos: WireAdapterConstructor;
    export const getPicklistValues: WireAdapterConstructor;
    export const getPicklistValuesByRecordType: WireAdapterConstructor;
}

declare module 'lightning/graphql' {
    import type { WireAdapterConstructor } from 'lwc';
    export const graphql: WireAdapterConstructor;
    export function gql(strings: TemplateStringsArray, ...values: unknown[]): string;
    export function refreshGraphQL(result: unknown): Promise<unknown>;
}

declare module 'lightning/navigation' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    export const CurrentPageReference: WireAdapterConstructor;
    // The mixin adds [NavigationMixin.Navigate] and [NavigationMixin.GenerateUrl] to the class.
    export const NavigationMixin: {
        <T extends new (...args: any[]) => any>(base: T): T;
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    };
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message?: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: unknown[];
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

declare module 'lightning/refresh' {
    export class RefreshEvent extends CustomEvent<unknown> {
        constructor();
    }
}

declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/currency' {
    const currency: string;
    export default currency;
}

declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}

declare module 'lightning/pageReferenceUtils' {
    export function encodeDefaultFieldValues(defaultFieldValues: Record<string, unknown>): string;
    export function decodeDefaultFieldValues(encoded: string): Record<string, string>;
}
