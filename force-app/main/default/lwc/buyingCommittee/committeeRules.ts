// Pure rules of the buying committee: the deal's contact roles grouped by role, the last time the
// rep met each contact, and the roles this deal is expected to have but lacks, from the milestone
// definitions and from the team's won deals of a similar size. No platform imports.

export interface CommitteeContactRole {
    id: string;
    contactId: string | null;
    contactName: string | null;
    /** The Role picklist value (API value), null when blank. */
    role: string | null;
}

/** A completed task or an ended event with a contact (WhoId), as the last-activity source. */
export interface ContactActivity {
    contactId: string;
    /** ISO date or date-time. */
    date: string;
    subject: string | null;
}

export interface WonDeal {
    amount: number | null;
    roles: string[];
}

export interface RoleGroupDefinition {
    key: string;
    label: string;
    /** Role values (compared case-insensitively) that fall in this group. */
    roles: string[];
}

/** The committee's groups, in the order a rep works through them; every other role goes to "Others". */
export const ROLE_GROUPS: RoleGroupDefinition[] = [
    { key: 'economic-buyer', label: 'Economic Buyer', roles: ['Economic Buyer', 'Economic Decision Maker'] },
    { key: 'decision-maker', label: 'Decision Maker', roles: ['Decision Maker'] },
    { key: 'champion', label: 'Champion / Influencer', roles: ['Champion', 'Influencer', 'Executive Sponsor'] },
    { key: 'evaluator', label: 'Evaluator', roles: ['Evaluator'] },
    { key: 'technical-buyer', label: 'Technical Buyer', roles: ['Technical Buyer'] },
];
export const OTHERS_GROUP = { key: 'others', label: 'Others' };

/** Won deals from half to twice this deal's amount count as "of a similar size". */
export const SIZE_BAND_FACTOR = 2;
/** A role is "usually present" when at least this share of similar won deals had it. */
export const USUAL_SHARE = 0.6;
/** Fewer similar won deals than this say nothing about what is usual. */
export const MINIMUM_WON_DEALS = 5;

export interface CommitteeMember {
    id: string;
    contactName: string;
    roleLabel: string;
    /** The last completed activity with the contact; null = mapped but never met. */
    lastActivity: ContactActivity | null;
}

export interface CommitteeGroup {
    key: string;
    label: string;
    members: CommitteeMember[];
}

export interface MissingRole {
    role: string;
    /** Plain words: "No economic buyer yet: 78% of the team's won deals of $30K–$120K had one." */
    text: string;
}

function normalize(text: string | null | undefined): string {
    return (text ?? '').trim().toLowerCase();
}

export function groupOf(role: string | null): RoleGroupDefinition | null {
    return ROLE_GROUPS.find((group) => group.roles.some((candidate) => normalize(candidate) === normalize(role))) ?? null;
}

function lastActivityByContact(activities: ContactActivity[] | null): Map<string, ContactActivity> {
    const latest = new Map<string, ContactActivity>();
    for (const activity of activities ?? []) {
        const key = activity.contactId.slice(0, 15);
        const known = latest.get(key);
        if (!known || activity.date > known.date) {
            latest.set(key, activity);
        }
    }
    return latest;
}

/**
 * Groups the contact roles. `roleLabels` maps picklist values to labels (getPicklistValues), so a
 * role an admin added shows with its label, in "Others" unless it is one of the known roles.
 * `activities` null means they couldn't be read: members then carry no last activity.
 */
export function groupCommittee(
    contactRoles: CommitteeContactRole[],
    activities: ContactActivity[] | null,
    roleLabels: Record<string, string>,
): CommitteeGroup[] {
    const latest = lastActivityByContact(activities);
    const groups = [...ROLE_GROUPS.map(({ key, label }) => ({ key, label })), OTHERS_GROUP].map((group) => ({
        ...group,
        members: [] as CommitteeMember[],
    }));
    for (const contactRole of contactRoles) {
        const target = groups.find((group) => group.key === (groupOf(contactRole.role)?.key ?? OTHERS_GROUP.key))!;
        target.members.push({
            id: contactRole.id,
            contactName: contactRole.contactName ?? 'A contact you can’t see',
            roleLabel: contactRole.role ? (roleLabels[contactRole.role] ?? contactRole.role) : 'No role',
            lastActivity: contactRole.contactId ? (latest.get(contactRole.contactId.slice(0, 15)) ?? null) : null,
        });
    }
    return groups;
}

/** "$60K", "$1.2M", "$800". */
export function shortMoney(amount: number): string {
    if (amount >= 1_000_000) {
        return `$${Number((amount / 1_000_000).toFixed(1))}M`;
    }
    if (amount >= 1_000) {
        return `$${Math.round(amount / 1_000)}K`;
    }
    return `$${Math.round(amount)}`;
}

export interface SizeBand {
    low: number;
    high: number;
}

/** The similar-size band around the deal's amount, or null without an amount. */
export function sizeBand(amount: number | null): SizeBand | null {
    return amount !== null && amount > 0 ? { low: amount / SIZE_BAND_FACTOR, high: amount * SIZE_BAND_FACTOR } : null;
}

function hasRole(roles: Array<string | null>, role: string): boolean {
    const group = groupOf(role);
    return roles.some((candidate) => (group ? groupOf(candidate)?.key === group.key : normalize(candidate) === normalize(role)));
}

/** "Economic Buyer" → "economic buyer", for the middle of a sentence. */
function inSentence(text: string): string {
    return text.toLowerCase();
}

function article(text: string): string {
    return /^[aeiou]/i.test(text) ? 'an' : 'a';
}

/**
 * The roles this deal lacks that it is expected to have:
 * - roles the milestone definitions ask for by now (already filtered by the deal's stage and amount);
 * - roles at least USUAL_SHARE of the team's won deals of a similar size had (from half to twice
 *   this amount), when there are at least MINIMUM_WON_DEALS of them.
 * Deal size decides both: a small deal is compared only with small won deals, and definitions for
 * larger deals don't apply to it, so it isn't asked for a full committee.
 */
export function missingRoles(input: {
    contactRoles: CommitteeContactRole[];
    requiredByDefinitions: Array<{ role: string; milestoneName: string }>;
    wonDeals: WonDeal[] | null;
    band: SizeBand | null;
    roleLabels: Record<string, string>;
}): MissingRole[] {
    const present = input.contactRoles.map((item) => item.role);
    const missing: MissingRole[] = [];
    const label = (role: string) => input.roleLabels[role] ?? role;
    const seen = new Set<string>();
    const add = (role: string, why: string, words = label(role)) => {
        const key = groupOf(role)?.key ?? normalize(role);
        if (!seen.has(key) && !hasRole(present, role)) {
            seen.add(key);
            missing.push({ role, text: `No ${inSentence(words)} yet: ${why}` });
        }
    };
    for (const item of input.requiredByDefinitions) {
        add(item.role, `the milestone "${item.milestoneName}" needs one.`);
    }
    const band = input.band;
    if (band && input.wonDeals) {
        const similar = input.wonDeals.filter((deal) => deal.amount !== null && deal.amount >= band.low && deal.amount <= band.high);
        if (similar.length >= MINIMUM_WON_DEALS) {
            // Only the committee's named roles: "Other" being common says nothing about this deal.
            for (const group of ROLE_GROUPS) {
                const share = similar.filter((deal) => deal.roles.some((role) => groupOf(role)?.key === group.key)).length / similar.length;
                if (share >= USUAL_SHARE) {
                    const words = group.label.replace(' / ', ' or ');
                    add(group.roles[0]!, `${Math.round(share * 100)}% of the team's won deals of ${shortMoney(band.low)}–${shortMoney(band.high)} had ${article(words)} ${inSentence(words)}.`, words);
                }
            }
        }
    }
    return missing;
}
