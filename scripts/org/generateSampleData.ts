// Writes the sample sales team and its deals under data/ (run: npx tsx scripts/org/generateSampleData.ts).
// Deterministic: a seeded generator, so the committed files only change when this script does.
// Each rep has a recognisable loss pattern for the analysis to find.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
    type AccountRow,
    type ContactRoleRow,
    type ContactRow,
    DATA_FILES,
    OPEN_STAGES,
    type StageName,
    type Team,
    toCsv,
    type UserDefinition,
} from './sampleData';
import { Random } from '../../sync/src/sample/random';

interface Person {
    key: string;
    firstName: string;
    lastName: string;
    title: string;
    timeZone: string;
}

const MANAGERS: (Person & { role: string })[] = [
    { key: 'maya-chen', firstName: 'Maya', lastName: 'Chen', title: 'Sales Manager, East', timeZone: 'America/New_York', role: 'Goal_Coach_Sales_Manager_East' },
    { key: 'omar-haddad', firstName: 'Omar', lastName: 'Haddad', title: 'Sales Manager, West', timeZone: 'America/Los_Angeles', role: 'Goal_Coach_Sales_Manager_West' },
];

type LossPlan = { stage: StageName; count: number }[];
interface RepPlan extends Person {
    managerKey: string;
    role: string;
    won: number;
    open: number;
    losses: LossPlan;
    /** Deals lost from these stages never had an Economic Buyer mapped. */
    noEconomicBuyerWhenLostAt: StageName[];
    /** Open deals carry overdue, never-started follow-ups. */
    overdueFollowUps: boolean;
}

const REPS: RepPlan[] = [
    {
        key: 'ana-lopez', firstName: 'Ana', lastName: 'Lopez', title: 'Account Executive', timeZone: 'America/New_York',
        managerKey: 'maya-chen', role: 'Goal_Coach_Sales_Rep_East', won: 5, open: 4,
        losses: [{ stage: 'Proposal/Price Quote', count: 4 }, { stage: 'Negotiation/Review', count: 2 }],
        noEconomicBuyerWhenLostAt: ['Proposal/Price Quote', 'Negotiation/Review'], overdueFollowUps: false,
    },
    {
        key: 'ben-carter', firstName: 'Ben', lastName: 'Carter', title: 'Account Executive', timeZone: 'America/New_York',
        managerKey: 'maya-chen', role: 'Goal_Coach_Sales_Rep_East', won: 4, open: 5,
        losses: [{ stage: 'Qualification', count: 3 }, { stage: 'Needs Analysis', count: 2 }, { stage: 'Value Proposition', count: 1 }],
        noEconomicBuyerWhenLostAt: [], overdueFollowUps: true,
    },
    {
        key: 'diego-ramos', firstName: 'Diego', lastName: 'Ramos', title: 'Account Executive', timeZone: 'America/Los_Angeles',
        managerKey: 'omar-haddad', role: 'Goal_Coach_Sales_Rep_West', won: 4, open: 5,
        losses: [{ stage: 'Id. Decision Makers', count: 3 }, { stage: 'Perception Analysis', count: 2 }, { stage: 'Proposal/Price Quote', count: 1 }],
        noEconomicBuyerWhenLostAt: ['Id. Decision Makers', 'Perception Analysis'], overdueFollowUps: false,
    },
    {
        key: 'ella-fischer', firstName: 'Ella', lastName: 'Fischer', title: 'Senior Account Executive', timeZone: 'America/Los_Angeles',
        managerKey: 'omar-haddad', role: 'Goal_Coach_Sales_Rep_West', won: 7, open: 5,
        losses: [{ stage: 'Qualification', count: 1 }, { stage: 'Value Proposition', count: 1 }, { stage: 'Proposal/Price Quote', count: 1 }],
        noEconomicBuyerWhenLostAt: [], overdueFollowUps: false,
    },
];

const ACCOUNTS: [string, string, string, string, string, number][] = [
    // name, industry, city, state, country, employees
    ['Acme Logistics', 'Transportation', 'Chicago', 'IL', 'United States', 4200],
    ['Bluewater Health', 'Healthcare', 'Boston', 'MA', 'United States', 9800],
    ['Cedar Ridge Bank', 'Banking', 'Charlotte', 'NC', 'United States', 3100],
    ['Delta Grid Energy', 'Energy', 'Houston', 'TX', 'United States', 12500],
    ['Evergreen Foods', 'Food & Beverage', 'Portland', 'OR', 'United States', 2300],
    ['Falcon Aerospace', 'Manufacturing', 'Seattle', 'WA', 'United States', 15400],
    ['Granite Insurance', 'Insurance', 'Hartford', 'CT', 'United States', 5600],
    ['Harbor Retail Group', 'Retail', 'Baltimore', 'MD', 'United States', 7700],
    ['Ironclad Construction', 'Construction', 'Denver', 'CO', 'United States', 1900],
    ['Juniper Telecom', 'Telecommunications', 'Dallas', 'TX', 'United States', 8800],
    ['Keystone University', 'Education', 'Philadelphia', 'PA', 'United States', 6400],
    ['Lumen Media', 'Media', 'Los Angeles', 'CA', 'United States', 1200],
    ['Meridian Hotels', 'Hospitality', 'Las Vegas', 'NV', 'United States', 10300],
    ['Northwind Chemicals', 'Chemicals', 'Newark', 'NJ', 'United States', 4700],
    ['Orchard Biotech', 'Biotechnology', 'San Diego', 'CA', 'United States', 950],
    ['Pioneer Utilities', 'Utilities', 'Phoenix', 'AZ', 'United States', 5200],
    ['Quarry Stone Consulting', 'Consulting', 'New York', 'NY', 'United States', 600],
    ['Redwood Software', 'Technology', 'San Jose', 'CA', 'United States', 2800],
    ['Summit Apparel', 'Apparel', 'Atlanta', 'GA', 'United States', 3600],
    ['Tidewater Shipping', 'Shipping', 'Norfolk', 'VA', 'United States', 2100],
];
const ACCOUNT_TYPES = ['Customer - Direct', 'Prospect', 'Customer - Channel'];

// Contact slots: title, the contact role they play on deals.
const CONTACT_SLOTS: [string, string][] = [
    ['Chief Financial Officer', 'Economic Buyer'],
    ['VP Operations', 'Decision Maker'],
    ['IT Director', 'Technical Buyer'],
    ['Procurement Manager', 'Evaluator'],
    ['Operations Analyst', 'Influencer'],
];
const FIRST_NAMES = ['Olivia', 'Liam', 'Sofia', 'Noah', 'Amara', 'Lucas', 'Priya', 'Mateo', 'Hana', 'Ethan', 'Zara', 'Kenji', 'Nora', 'Samuel', 'Leila', 'Jonas', 'Grace', 'Ravi', 'Isabel', 'Tomas', 'Mei', 'Daniel', 'Aisha', 'Felix', 'Chloe'];
const LAST_NAMES = ['Brooks', 'Patel', 'Kim', 'Okoye', 'Silva', 'Novak', 'Garcia', 'Jensen', 'Murphy', 'Tanaka', 'Rossi', 'Adeyemi', 'Kowalski', 'Dubois', 'Hughes', 'Ito', 'Mendes', 'Larsen', 'Cohen', 'Walsh', 'Nakamura', 'Fischer', 'Reyes', 'Singh', 'Moreau'];
const PRODUCTS = ['Platform Rollout', 'Analytics Expansion', 'Enterprise License', 'Support Upgrade', 'Pilot Program', 'Fleet Integration', 'Data Migration', 'Renewal and Upsell'];
const OPPORTUNITY_TYPES = ['New Customer', 'Existing Customer - Upgrade', 'Existing Customer - Replacement'];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const NEXT_STEPS: Partial<Record<StageName, string>> = {
    Prospecting: 'Book a discovery call',
    Qualification: 'Confirm budget and timeline',
    'Needs Analysis': 'Run the needs workshop',
    'Value Proposition': 'Share the business case',
    'Id. Decision Makers': 'Meet the economic buyer',
    'Perception Analysis': 'Address the security review',
    'Proposal/Price Quote': 'Walk the buying committee through the proposal',
    'Negotiation/Review': 'Agree contract terms with procurement',
};

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

function stagesUpTo(last: StageName, random: () => number): StageName[] {
    const end = OPEN_STAGES.indexOf(last as (typeof OPEN_STAGES)[number]);
    // Fast deals skip Perception Analysis now and then, as real pipelines do.
    return OPEN_STAGES.slice(0, end + 1).filter((stage) => !(stage === 'Perception Analysis' && last !== stage && random() < 0.3));
}

/** The seeded draws every part of the sample shares, in one sequence. */
interface Draws {
    random: () => number;
    pick: <T>(items: readonly T[]) => T;
    between: (min: number, max: number) => number;
}

function seededDraws(seed: number): Draws {
    const seeded = new Random(seed);
    const random = () => seeded.next();
    return {
        random,
        pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T,
        between: (min: number, max: number) => Math.round(min + random() * (max - min)),
    };
}

function userDefinition(p: Person): UserDefinition {
    return {
        FirstName: p.firstName,
        LastName: p.lastName,
        Alias: (p.firstName[0] + p.lastName).toLowerCase().slice(0, 8),
        Email: `${p.firstName}.${p.lastName}@goalcoach.example.com`.toLowerCase(),
        Title: p.title,
        Department: 'Sales',
        profileName: 'Standard User',
        TimeZoneSidKey: p.timeZone,
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
    };
}

/** The VP (the admin running the script), the managers and the reps, with their roles and permission sets. */
function sampleTeam(): { team: Team; users: Map<string, UserDefinition> } {
    const users = new Map<string, UserDefinition>();
    const team: Team = {
        admin: { role: 'Goal_Coach_Sales_VP', permissionSets: ['Goal_Coach_Admin', 'Goal_Coach_Integration', 'Goal_Coach_Sample_Data'] },
        members: [],
    };
    for (const m of MANAGERS) {
        users.set(m.key, userDefinition(m));
        team.members.push({ key: m.key, definitionFile: `users/${m.key}.json`, role: m.role, persona: 'manager', permissionSets: ['Goal_Coach_Manager'] });
    }
    for (const r of REPS) {
        users.set(r.key, userDefinition(r));
        team.members.push({ key: r.key, definitionFile: `users/${r.key}.json`, role: r.role, persona: 'rep', managerKey: r.managerKey, permissionSets: ['Goal_Coach_Rep'] });
    }
    return { team, users };
}

type AccountContacts = Map<string, { key: string; role: string }[]>;

/** The accounts, each with three to five contacts in buying roles. */
function sampleAccounts(): { accounts: AccountRow[]; contacts: ContactRow[]; contactsByAccount: AccountContacts } {
    const accounts: AccountRow[] = [];
    const contacts: ContactRow[] = [];
    const contactsByAccount: AccountContacts = new Map();
    let nameIndex = 0;
    ACCOUNTS.forEach(([name, industry, city, state, country, employees], index) => {
        const accountKey = slug(name);
        const domain = `${slug(name).replace(/-/g, '')}.example.com`;
        accounts.push({
            Sample_Key__c: accountKey, Name: name, Industry: industry, Type: ACCOUNT_TYPES[index % ACCOUNT_TYPES.length] as string,
            BillingCity: city, BillingState: state, BillingCountry: country, NumberOfEmployees: employees, Website: `https://www.${domain}`,
        });
        const slots = CONTACT_SLOTS.slice(0, 3 + (index % 3));
        contactsByAccount.set(accountKey, []);
        for (const [title, role] of slots) {
            const firstName = FIRST_NAMES[nameIndex % FIRST_NAMES.length] as string;
            const lastName = LAST_NAMES[(nameIndex * 7) % LAST_NAMES.length] as string;
            nameIndex += 1;
            const contactKey = `${accountKey}-${slug(role)}`;
            contacts.push({
                Sample_Key__c: contactKey, 'Account.Sample_Key__c': accountKey, FirstName: firstName, LastName: lastName, Title: title,
                Email: `${firstName}.${lastName}@${domain}`.toLowerCase(), Phone: `(555) ${String(100 + nameIndex).padStart(3, '0')}-${String(1000 + nameIndex * 37).slice(-4)}`,
            });
            contactsByAccount.get(accountKey)?.push({ key: contactKey, role });
        }
    });
    return { accounts, contacts, contactsByAccount };
}

interface DealOutcome {
    kind: 'won' | 'lost' | 'open';
    stage: StageName;
}

/** A rep's deals: their wins, their losses at the stages of their pattern, and their open pipeline. */
function outcomesOf(rep: (typeof REPS)[number], draws: Draws): DealOutcome[] {
    const outcomes: DealOutcome[] = [];
    for (let i = 0; i < rep.won; i += 1) outcomes.push({ kind: 'won', stage: 'Negotiation/Review' });
    for (const loss of rep.losses) for (let i = 0; i < loss.count; i += 1) outcomes.push({ kind: 'lost', stage: loss.stage });
    for (let i = 0; i < rep.open; i += 1) outcomes.push({ kind: 'open', stage: OPEN_STAGES[draws.between(0, OPEN_STAGES.length - 1)] as StageName });
    return outcomes;
}

interface DealTables {
    opportunities: Record<string, string | number>[];
    contactRoles: ContactRoleRow[];
    tasks: Record<string, string | number>[];
    events: Record<string, string | number>[];
}

/** One deal's opportunity, contact roles, tasks and meetings. */
function addDeal(tables: DealTables, rep: (typeof REPS)[number], outcome: DealOutcome, dealIndex: number, contactsByAccount: AccountContacts, draws: Draws): void {
    const { random, pick, between } = draws;
    const account = ACCOUNTS[(dealIndex * 7) % ACCOUNTS.length] as (typeof ACCOUNTS)[number];
    const accountKey = slug(account[0]);
    const product = PRODUCTS[dealIndex % PRODUCTS.length] as string;
    const opportunityKey = `${accountKey}-${slug(product)}-${dealIndex + 1}`;
    // Log-uniform amounts between $5K and $2M; the first and last deal pin the range ends.
    const amount = dealIndex === 0 ? 5000 : dealIndex === 59 ? 2000000 : Math.round(Math.exp(Math.log(5000) + random() * Math.log(400)) / 500) * 500;
    const path = stagesUpTo(outcome.stage, random);
    if (outcome.kind === 'won') path.push('Closed Won');
    if (outcome.kind === 'lost') path.push('Closed Lost');
    const closeInDays = outcome.kind === 'open' ? between(14, 150) : -between(10, 330);
    tables.opportunities.push({
        Sample_Key__c: opportunityKey,
        Name: `${account[0]} - ${product}`,
        AccountKey: accountKey,
        OwnerKey: rep.key,
        Amount: amount,
        CloseInDays: closeInDays,
        Type: pick(OPPORTUNITY_TYPES),
        LeadSource: pick(LEAD_SOURCES),
        NextStep: outcome.kind === 'open' ? (NEXT_STEPS[outcome.stage] ?? '') : '',
        StagePath: path.join('|'),
    });

    const accountContacts = contactsByAccount.get(accountKey) ?? [];
    const reached = (stage: StageName) => path.includes(stage);
    const skipEconomicBuyer = outcome.kind === 'lost' && rep.noEconomicBuyerWhenLostAt.includes(outcome.stage);
    const primary = accountContacts.find((c) => c.role === 'Decision Maker') ?? accountContacts[0];
    for (const contact of accountContacts) {
        const include =
            contact === primary ||
            (contact.role === 'Economic Buyer' && reached('Id. Decision Makers') && !skipEconomicBuyer) ||
            (contact.role === 'Technical Buyer' && reached('Needs Analysis')) ||
            (contact.role === 'Influencer' && random() < 0.5) ||
            (contact.role === 'Evaluator' && reached('Proposal/Price Quote'));
        if (include) {
            tables.contactRoles.push({ OpportunityKey: opportunityKey, ContactKey: contact.key, Role: contact.role, IsPrimary: contact === primary ? 'true' : 'false' });
        }
    }

    // Activities happen before the close date for closed deals, before today for open ones.
    const lastActivity = outcome.kind === 'open' ? -2 : closeInDays - 3;
    const who = primary?.key ?? '';
    const stageCount = path.filter((s) => !s.startsWith('Closed')).length;
    const calls = Math.min(3, stageCount);
    for (let i = 0; i < calls; i += 1) {
        tables.tasks.push({
            OpportunityKey: opportunityKey, ContactKey: who, Subject: ['Discovery call', 'Qualification call', 'Follow-up call'][i] as string,
            Type: 'Call', TaskSubtype: 'Call', Status: 'Completed', Priority: 'Normal', ActivityInDays: lastActivity - (calls - i) * between(5, 12),
        });
    }
    if (reached('Value Proposition')) {
        tables.tasks.push({
            OpportunityKey: opportunityKey, ContactKey: who, Subject: 'Sent the business case', Type: 'Email', TaskSubtype: 'Email',
            Status: 'Completed', Priority: 'Normal', ActivityInDays: lastActivity - between(1, 4),
        });
    }
    if (outcome.kind === 'open') {
        const overdue = rep.overdueFollowUps;
        tables.tasks.push({
            OpportunityKey: opportunityKey, ContactKey: who, Subject: overdue ? 'Follow up on open questions' : 'Prepare next meeting',
            Type: 'Other', TaskSubtype: 'Task', Status: 'Not Started', Priority: overdue ? 'High' : 'Normal',
            ActivityInDays: overdue ? -between(8, 25) : between(2, 10),
        });
    }
    if (reached('Needs Analysis')) {
        tables.events.push({
            OpportunityKey: opportunityKey, ContactKey: who, Subject: 'Needs analysis workshop', Type: 'Meeting',
            StartInDays: lastActivity - between(15, 30), StartTimeUtc: '15:00', DurationInMinutes: 60,
        });
    }
    if (reached('Proposal/Price Quote')) {
        tables.events.push({
            OpportunityKey: opportunityKey, ContactKey: who, Subject: 'Proposal walkthrough', Type: 'Meeting',
            StartInDays: lastActivity - between(0, 6), StartTimeUtc: '17:00', DurationInMinutes: 45,
        });
    }
}

export function generate(): {
    team: Team;
    users: Map<string, UserDefinition>;
    accounts: AccountRow[];
    contacts: ContactRow[];
    opportunities: Record<string, string | number>[];
    contactRoles: ContactRoleRow[];
    tasks: Record<string, string | number>[];
    events: Record<string, string | number>[];
} {
    const draws = seededDraws(20260101);
    const { team, users } = sampleTeam();
    const { accounts, contacts, contactsByAccount } = sampleAccounts();
    const tables: DealTables = { opportunities: [], contactRoles: [], tasks: [], events: [] };
    let dealIndex = 0;
    for (const rep of REPS) {
        for (const outcome of outcomesOf(rep, draws)) addDeal(tables, rep, outcome, dealIndex++, contactsByAccount, draws);
    }
    return { team, users, accounts, contacts, ...tables };
}

export function writeSampleData(dataDir: string): void {
    const data = generate();
    mkdirSync(path.join(dataDir, 'users'), { recursive: true });
    writeFileSync(path.join(dataDir, DATA_FILES.team), `${JSON.stringify(data.team, null, 2)}\n`);
    for (const [userKey, user] of data.users) {
        writeFileSync(path.join(dataDir, 'users', `${userKey}.json`), `${JSON.stringify(user, null, 2)}\n`);
    }
    const columns = (rows: object[]) => Object.keys(rows[0] ?? {});
    const write = (name: keyof typeof DATA_FILES, rows: Record<string, string | number | boolean>[]) =>
        writeFileSync(path.join(dataDir, DATA_FILES[name]), toCsv(rows, columns(rows)));
    write('accounts', data.accounts);
    write('contacts', data.contacts);
    write('opportunities', data.opportunities);
    write('contactRoles', data.contactRoles);
    write('tasks', data.tasks);
    write('events', data.events);
}

if (require.main === module) {
    const dataDir = path.resolve(__dirname, '../../data');
    writeSampleData(dataDir);
    process.stdout.write(`Sample data written to ${path.relative(process.cwd(), dataDir) || '.'}\n`);
}
