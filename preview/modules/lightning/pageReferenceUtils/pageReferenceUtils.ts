// lightning/pageReferenceUtils for the preview: default field values as one string for
// state.defaultFieldValues of a standard__objectPage reference ("key=value,key=value", each part
// URI-encoded). Decoded values are strings, as the platform documents: "The values returned by this
// method are strings. Field type isn't preserved." (Component Reference, Page Reference Utils).
export function encodeDefaultFieldValues(defaultFieldValues: Record<string, unknown>): string {
    return Object.entries(defaultFieldValues)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value ?? ''))}`)
        .join(',');
}

export function decodeDefaultFieldValues(encoded: string): Record<string, string> {
    const values: Record<string, string> = {};
    for (const part of (encoded ?? '').split(',')) {
        const at = part.indexOf('=');
        if (at > 0) values[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
    }
    return values;
}
