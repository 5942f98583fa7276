// The sample export has contact roles but no Contact file and no activity WhoId. The preview needs
// both for the buying committee: a named contact behind every contact role (on the deal's
// account), one more contact per such account not yet in any role (someone to add), and the
// deal's calls and meetings linked to its contacts, deterministically, leaving some never met.
import { makeId } from '../../sync/src/core/salesforceId';
import { Random } from '../../sync/src/sample/random';
import type { Org, OrgRecord } from './org';

const FIRST_NAMES = ['Priya', 'Jonas', 'Lena', 'Marco', 'Aisha', 'Tomás', 'Mei', 'Samuel', 'Ingrid', 'Kwame', 'Sofia', 'Hiro', 'Nadia', 'Oscar', 'Leila', 'Ravi'];
const LAST_NAMES = ['Raman', 'Meyer', 'Wong', 'Bianchi', 'Okafor', 'García', 'Chen', 'Adeyemi', 'Larsen', 'Mensah', 'Rossi', 'Tanaka', 'Haddad', 'Berg', 'Karimi', 'Patel'];
/** Share of a deal's activities that are with one of its contacts; the rest are with nobody in particular. */
const WITH_A_CONTACT = 0.6;

function contactName(index: number): string {
    // Neighbouring indexes (one deal's contacts) differ in both names.
    return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 5 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length]}`;
}

export function seedContacts(org: Org): { contacts: number; linkedActivities: number } {
    const random = new Random(20260415);
    const opportunities = new Map(org.all('Opportunity').map((o) => [o.Id, o]));
    const rolesByDeal = new Map<string, OrgRecord[]>();
    for (const role of org.all('OpportunityContactRole')) {
        const list = rolesByDeal.get(String(role.OpportunityId)) ?? [];
        list.push(role);
        rolesByDeal.set(String(role.OpportunityId), list);
    }
    let index = 0;
    const accountsWithSpare = new Set<string>();
    for (const [dealId, roles] of rolesByDeal) {
        const accountId = (opportunities.get(dealId)?.AccountId as string | null) ?? null;
        for (const role of roles) {
            if (role.ContactId && !org.get(String(role.ContactId))) {
                org.load('Contact', { Id: String(role.ContactId), Name: contactName(index++), AccountId: accountId });
            }
        }
        if (accountId && !accountsWithSpare.has(accountId)) {
            accountsWithSpare.add(accountId);
            org.load('Contact', { Id: makeId('003', 900000 + index, 'PV'), Name: contactName(index++), AccountId: accountId });
        }
    }
    let linkedActivities = 0;
    for (const activity of [...org.all('Task'), ...org.all('Event')]) {
        const roles = rolesByDeal.get(String(activity.WhatId)) ?? [];
        // Draws happen for every activity, so the result doesn't depend on which deals have roles.
        const withContact = random.next() < WITH_A_CONTACT;
        const pick = Math.floor(random.next() * Math.max(roles.length, 1));
        // The deal's first contact role is never the one met: every deal shows "mapped, never met".
        if (withContact && roles.length > 1 && activity.WhoId == null) {
            activity.WhoId = roles[1 + (pick % (roles.length - 1))]!.ContactId ?? null;
            linkedActivities++;
        }
    }
    return { contacts: org.count('Contact'), linkedActivities };
}
