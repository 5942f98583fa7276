import { LightningElement, api } from 'lwc';

type SkillState = 'accepted' | 'suggested' | 'none';

interface SkillRowInput {
    repName: string;
    skills: Record<string, SkillState>;
}

const STATES: Array<{ state: SkillState; label: string; barClass: string }> = [
    { state: 'accepted', label: 'accepted', barClass: 'segment segment_accepted' },
    { state: 'suggested', label: 'suggested', barClass: 'segment segment_suggested' },
    { state: 'none', label: 'none', barClass: 'segment segment_none' },
];

/**
 * The team strip: for each skill, how many reps have accepted a goal for it, have one suggested, or
 * none, so a manager sees where the whole team needs training. The bar is decoration; the counts and
 * the reps' names are the text.
 */
export default class TeamSkillStrip extends LightningElement {
    @api rows: SkillRowInput[] = [];
    @api skills: string[] = [];

    get skillRows() {
        const rows = this.rows ?? [];
        return (this.skills ?? []).map((skill) => {
            const parts = STATES.map(({ state, label, barClass }) => {
                const reps = rows.filter((row) => (row.skills[skill] ?? 'none') === state).map((row) => row.repName);
                const share = rows.length ? (reps.length / rows.length) * 100 : 0;
                return { key: `${skill}-${state}`, label, count: reps.length, names: reps.join(', '), barClass, style: `width: ${share}%` };
            });
            const summary = parts.map((part) => `${part.count} ${part.label}`).join(', ');
            const suggestedNames = parts[1].names;
            return { skill, parts, summary, suggestedText: suggestedNames ? `Suggested for ${suggestedNames}` : '' };
        });
    }
}
