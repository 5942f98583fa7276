// A tiny escaping template: `html` tagged templates escape every interpolated value unless it is
// itself the output of `html` (SafeHtml). Data can never become markup.
export class SafeHtml {
    constructor(readonly value: string) {}
    toString(): string {
        return this.value;
    }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (ch) => entities[ch]!);
}

type Interpolation = SafeHtml | string | number | null | undefined | boolean | readonly Interpolation[];

function render(value: Interpolation): string {
    if (value === null || value === undefined || value === false) return '';
    if (value instanceof SafeHtml) return value.value;
    if (Array.isArray(value)) return value.map(render).join('');
    return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
    let out = strings[0]!;
    for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
    return new SafeHtml(out);
}
