import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keep every value a string: "0" and "true" mean different things in different elements.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
});

export type XmlNode = Record<string, unknown>;

/** Parses a metadata XML file; `undefined` when it is not well-formed (the xml check reports that). */
export async function readXml(file: string): Promise<{ text: string; root: XmlNode } | undefined> {
    const text = await readFile(file, 'utf8');
    if (XMLValidator.validate(text) !== true) return undefined;
    return { text, root: parser.parse(text) as XmlNode };
}

/** fast-xml-parser gives a single element as a value and repeated ones as an array. */
export function toArray<T = unknown>(value: unknown): T[] {
    if (value === undefined || value === null || value === '') return [];
    return (Array.isArray(value) ? value : [value]) as T[];
}

export function child(node: unknown, name: string): XmlNode | undefined {
    if (!node || typeof node !== 'object') return undefined;
    const value = (node as XmlNode)[name];
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** Text of a simple element (`<field>Name</field>`). */
export function text(node: unknown, name: string): string | undefined {
    if (!node || typeof node !== 'object') return undefined;
    const value = (node as XmlNode)[name];
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object' && typeof (value as XmlNode)['#text'] === 'string') {
        return (value as XmlNode)['#text'] as string;
    }
    return undefined;
}

/** 1-based line of the first `<tag>value</tag>` in the text, for pointing at the offending element. */
export function lineOfElement(source: string, tag: string, value: string): number | undefined {
    const index = source.indexOf(`<${tag}>${value}</${tag}>`);
    return index < 0 ? undefined : lineAt(source, index);
}

export function lineAt(source: string, index: number): number {
    let line = 1;
    for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
    return line;
}
