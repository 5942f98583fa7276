/** Where a platform rule comes from: the Salesforce page and the sentence it encodes. */
export interface Citation {
    /** Title of the Salesforce page. */
    readonly page: string;
    readonly url: string;
    /** The sentence (or table row) of the page that the rule encodes, verbatim. */
    readonly quote: string;
}

/** `<page>: "<quote>"`, for finding messages (the address stays in the rule's doc comment and data). */
export function cite(citation: Citation): string {
    return `${citation.page}: "${citation.quote}"`;
}
