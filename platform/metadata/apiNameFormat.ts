import type { Citation } from '../citation';

/**
 * The form of an API (developer) name: letters, digits and underscores, starting with a letter, no
 * trailing underscore, no two underscores in a row (the `__c`-style suffix aside).
 *
 * Salesforce Help, "Schema Builder Custom Object Definition": "The Object Name field can contain only
 * underscores and alphanumeric characters. It must be unique, begin with a letter, not include
 * spaces, not end with an underscore, and not contain two consecutive underscores."
 */
export const apiNameFormatCitation: Citation = {
    page: 'Salesforce Help, Schema Builder Custom Object Definition',
    url: 'https://help.salesforce.com/s/articleView?id=platform.schema_builder_elements_objects_ref.htm&type=5',
    quote: 'The Object Name field can contain only underscores and alphanumeric characters. It must be unique, begin with a letter, not include spaces, not end with an underscore, and not contain two consecutive underscores.',
};

const SUFFIX = /__(c|r|mdt|e|x|b)$/;

/** Why `name` (an API name, with its suffix if any) is not of the documented form, or undefined. */
export function apiNameProblem(name: string): string | undefined {
    const bare = name.replace(SUFFIX, '');
    if (!/^[A-Za-z]/.test(bare)) return 'does not begin with a letter';
    if (/[^A-Za-z0-9_]/.test(bare)) return 'contains characters other than letters, digits and underscores';
    if (bare.endsWith('_')) return 'ends with an underscore';
    if (bare.includes('__')) return 'contains two consecutive underscores';
    return undefined;
}
