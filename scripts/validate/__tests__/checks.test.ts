// Each check against a fixture project that breaks it: the check must name the file, the line where
// it can, and the problem. The good fixture passing every check is in cli.test.ts.
import { javaEnginesNotStarted } from '../checks/codeAnalyzer';

// The code-analyzer fixture keeps one Low finding on purpose, allowlisted here as a project would.
jest.mock('../codeAnalyzerAllowlist', () => ({
    ...jest.requireActual('../codeAnalyzerAllowlist'),
    allowedFindings: [
        {
            rule: 'eslint:@salesforce-ux/slds/no-hardcoded-values-slds2',
            file: 'force-app/main/default/lwc/lossChart/lossChart.css',
            messageIncludes: '24rem',
            reason: "The fixture chart's width cap.",
        },
    ],
}));
import { runValidation } from '../run';
import { errorsOf, findingsOf, fixture, summarize } from './helpers';

describe('project-schemas', () => {
    it('reports sfdx-project.json and scratch definition properties the Salesforce schemas reject', async () => {
        const findings = await findingsOf('project-schemas', 'project-schemas');
        expect(summarize(findings)).toEqual([
            'error config/project-scratch-def.json config/project-scratch-def.json: /edition must be equal to one of the allowed values (Developer, Enterprise, Group, Partner Developer, Partner Enterprise, Partner Group, Partner Professional, Professional).',
            'error config/project-scratch-def.json config/project-scratch-def.json: /features must be array.',
            'error sfdx-project.json sfdx-project.json: (top level) must NOT have additional properties "sfdcLoginURL".',
            expect.stringContaining('error sfdx-project.json sfdx-project.json: /packageDirectories/0 matches none of the allowed forms: /packageDirectories/0/default must be boolean'),
        ]);
        expect(findings.every((finding) => finding.fix.length > 0)).toBe(true);
    });
});

describe('xml-well-formed', () => {
    it('reports each malformed XML file with the line of the error', async () => {
        const findings = await findingsOf('xml-well-formed', 'malformed-xml');
        expect(summarize(findings)).toEqual([
            "error force-app/main/default/objects/Goal_Plan__c/fields/Rep__c.field-meta.xml:2 Malformed XML: Unclosed tag 'CustomField'. (column 1).",
            "error force-app/main/default/objects/Goal_Plan__c/fields/Why_Goal__c.field-meta.xml:4 Malformed XML: char '&' is not expected. (column 16).",
        ]);
    });
});

describe('sdr-convert', () => {
    it('names the file source-deploy-retrieve cannot place', async () => {
        const findings = await findingsOf('sdr-convert', 'sdr-unresolvable');
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({
            file: 'force-app/main/default/permissionsets/Goal_Coach_Rep.permission-set-meta.xml',
            message: expect.stringContaining('Could not infer a metadata type'),
        });
        // Paths in messages are relative to the project, never absolute paths of the machine.
        expect(findings[0]!.message).not.toContain(__dirname);
    });

    it('counts the converted components per type', async () => {
        const report = await runValidation(fixture('good'), { only: ['sdr-convert'] });
        expect(report.errors).toBe(0);
        expect(report.outcomes[0]!.notes).toEqual(expect.arrayContaining([
            'CustomField: 7', 'CustomObject: 2', 'FlexiPage: 1', 'Layout: 1', 'LightningComponentBundle: 2', 'ListView: 1', 'PermissionSet: 1',
        ]));
    });
});

describe('unresolved-files', () => {
    it('reports a misnamed field file that SDR leaves out silently, but not the forceignored sources', async () => {
        const findings = await findingsOf('unresolved-files', 'unresolved-files');
        expect(summarize(findings)).toEqual([
            'error force-app/main/default/objects/Goal_Plan__c/fields/Why_Goal__c.field.xml This file belongs to no metadata component: source-deploy-retrieve leaves it out of the deploy without an error.',
        ]);
        expect(findings[0]!.fix).toContain('<Field>.field-meta.xml');
    });

    it('steps aside when SDR cannot resolve the source at all (sdr-convert reports it)', async () => {
        expect(await findingsOf('unresolved-files', 'sdr-unresolvable')).toEqual([]);
    });
});

describe('lwc-bundle-files', () => {
    it('reports a bundle whose .ts was not built and a bundle without js-meta.xml', async () => {
        const findings = await findingsOf('lwc-bundle-files', 'lwc-missing-files');
        expect(summarize(findings)).toEqual([
            'error force-app/main/default/lwc/goalBadge Bundle goalBadge has no goalBadge.js (its .ts source was not compiled).',
            'error force-app/main/default/lwc/planSummary Bundle planSummary has no planSummary.js-meta.xml.',
        ]);
        expect(findings.find((f) => f.file.endsWith('goalBadge'))!.fix).toContain('npm run build');
    });
});

describe('tsconfig-paths', () => {
    it('rejects the c/* wildcard, a missing entry and an entry pointing elsewhere; warns on a stale entry', async () => {
        const findings = await findingsOf('tsconfig-paths', 'tsconfig-paths');
        expect(summarize(findings)).toEqual([
            'error tsconfig.json No compilerOptions.paths entry for c/planSummary.',
            'error tsconfig.json compilerOptions.paths "c/goalBadge" points to ["force-app/main/default/lwc/goalBadge/goalBadge.js"], not to force-app/main/default/lwc/goalBadge/goalBadge.ts.',
            'error tsconfig.json compilerOptions.paths has the wildcard entry "c/*": the LWC module resolution has no such form.',
            'warning tsconfig.json compilerOptions.paths "c/oldWidget" names no TypeScript bundle in the project.',
        ]);
        expect(findings.find((f) => f.message.startsWith('No compilerOptions'))!.fix).toBe(
            'Add "c/planSummary": ["force-app/main/default/lwc/planSummary/planSummary.ts"] to compilerOptions.paths.',
        );
    });
});

describe('field-references', () => {
    it('reports unknown fields in FlexiPages, permission sets, layouts, compact layouts, list views and schema imports, and unknown lookup targets', async () => {
        const findings = await findingsOf('field-references', 'field-references');
        const flexipage = 'force-app/main/default/flexipages/Goal_Plan_Record_Page.flexipage-meta.xml';
        const layout = 'force-app/main/default/layouts/Goal_Plan__c-Goal Plan Layout.layout-meta.xml';
        const objectDir = 'force-app/main/default/objects/Goal_Plan__c';
        const listView = `${objectDir}/listViews/All.listView-meta.xml`;
        const permissionSet = 'force-app/main/default/permissionsets/Goal_Coach_Rep.permissionset-meta.xml';
        const component = 'force-app/main/default/lwc/planSummary/planSummary.ts';
        expect(summarize(errorsOf(findings))).toEqual([
            `error ${component}:4 import '@salesforce/schema/Goal_Plan__c.Rep__c.Name': Rep__c is not a relationship of Goal_Plan__c (in Goal_Plan__c.Rep__c.Name). A relationship path uses the relationship name (Rep__r), not the field name.`,
            `error ${component}:5 import '@salesforce/schema/Opportunity.Stage': Opportunity.Stage does not exist (neither in force-app nor on the kept list of standard fields).`,
            `error ${component}:6 import '@salesforce/schema/Opportunity.Acount.Name': Acount is not a relationship of Opportunity (in Opportunity.Acount.Name).`,
            `error ${component}:7 import '@salesforce/schema/Coaching_Session__c': object Coaching_Session__c does not exist in the project.`,
            `error ${flexipage}:10 FlexiPage field Record.Why_Goals__c: Goal_Plan__c.Why_Goals__c does not exist.`,
            `error ${objectDir}/compactLayouts/Goal_Plan_Compact.compactLayout-meta.xml:6 compact layout field Period_Start__c: Goal_Plan__c.Period_Start__c does not exist.`,
            `error ${objectDir}/fields/Focus_Session__c.field-meta.xml:6 lookup to Coaching_Sessions__c: object Coaching_Sessions__c does not exist in the project.`,
            `error ${layout}:15 layout item Why__c: Goal_Plan__c.Why__c does not exist.`,
            `error ${listView}:5 list view column Selling_Weeks__c: Goal_Plan__c.Selling_Weeks__c does not exist.`,
            `error ${permissionSet}:10 fieldPermissions Goal_Plan__c.Loss_Profile__c: Goal_Plan__c.Loss_Profile__c does not exist.`,
            `error ${permissionSet}:15 fieldPermissions Opportunity.Amont: Opportunity.Amont does not exist (neither in force-app nor on the kept list of standard fields).`,
            `error ${permissionSet}:26 objectPermissions Coaching_Session__c: object Coaching_Session__c does not exist in the project.`,
        ].sort());
        // An unknown legacy list-view token cannot be proven wrong offline: a counted warning.
        expect(summarize(findings.filter((f) => f.severity === 'warning'))).toEqual([
            `warning ${listView}:6 List view column OWNER.NICKNAME is not on the kept list of standard list-view columns of Goal_Plan__c; it cannot be verified offline.`,
        ]);
    });
});

describe('field-security', () => {
    it('requires FLS for ordinary fields and rejects it for required, master-detail and editable formula fields', async () => {
        const findings = await findingsOf('field-security', 'field-security');
        const permissionSet = 'force-app/main/default/permissionsets/Goal_Coach_Rep.permissionset-meta.xml';
        expect(summarize(findings)).toEqual([
            'error force-app/main/default/objects/Goal_Plan__c/fields/Why_Goal__c.field-meta.xml Goal_Plan__c.Why_Goal__c has no field-level security in any permission set: no user can see it.',
            `error ${permissionSet}:10 Goal_Plan__c.Weekly_Target__c is a formula field but is granted editable: the deploy fails.`,
            `error ${permissionSet}:20 fieldPermissions for Learning_Goal__c.Goal_Plan__c, a master-detail field: the deploy fails ("You cannot deploy to a required field").`,
            `error ${permissionSet}:5 fieldPermissions for Goal_Plan__c.Rep__c, a required field: the deploy fails ("You cannot deploy to a required field").`,
        ]);
    });
});

describe('flexipage-components', () => {
    it('reports missing, unexposed, wrongly named and wrongly targeted components', async () => {
        const findings = await findingsOf('flexipage-components', 'flexipage-components');
        const page = 'force-app/main/default/flexipages/Opportunity_Coaching_Page.flexipage-meta.xml';
        expect(summarize(findings)).toEqual([
            'error force-app/main/default/lwc/goalBadge/goalBadge.js-meta.xml goalBadge is placed on a RecordPage (force-app/main/default/flexipages/Opportunity_Coaching_Page.flexipage-meta.xml) but does not declare the target lightning__RecordPage.',
            `error force-app/main/default/lwc/goalBadge/goalBadge.js-meta.xml goalBadge is placed on ${page} but is not exposed.`,
            'error force-app/main/default/lwc/planSummary/planSummary.js-meta.xml planSummary is placed on a AppPage (force-app/main/default/flexipages/Coach_Home.flexipage-meta.xml) but does not declare the target lightning__AppPage.',
            `error force-app/main/default/lwc/planSummary/planSummary.js-meta.xml planSummary is placed on the Opportunity record page ${page}, but its targetConfig for lightning__RecordPage allows only Goal_Plan__c.`,
            `error ${page}:18 c:milestoneTracker: no Lightning web component bundle lwc/milestoneTracker in the project.`,
            `error ${page}:24 Component name c__planSummary is not the FlexiPage form.`,
        ].sort());
        expect(findings.find((f) => f.message.includes('c__planSummary'))!.fix).toContain('c:planSummary');
    });
});


/** A finding line without its Salesforce source, which the tests below check once per rule. */
const withoutSource = (line: string) => line.replace(/ \((?:Salesforce|Object Reference|Tooling API|Metadata API|SOAP API)[\s\S]*$/, '');

describe('metadata-limits', () => {
    it('reports names, labels, descriptions and picklist values over their documented lengths, bad API names and a third master-detail', async () => {
        const findings = await findingsOf('metadata-limits', 'metadata-limits');
        const objects = 'force-app/main/default/objects';
        const longObject = 'Quarterly_Coaching_Commitment_Review_Record__c';
        expect(summarize(findings).map(withoutSource)).toEqual([
            `error ${objects}/${longObject}/${longObject}.object-meta.xml ${longObject}: custom object API name (without __c) is 43 characters, over the platform's 40`,
            `error ${objects}/Goal_Plan__c/fields/Bad__Name__c.field-meta.xml API name Bad__Name__c contains two consecutive underscores`,
            `error ${objects}/Goal_Plan__c/fields/Coach__c.field-meta.xml:6 Coach__c: relationship name (without __r) is 45 characters, over the platform's 40`,
            `error ${objects}/Goal_Plan__c/fields/Focus__c.field-meta.xml:12 Focus__c: picklist value (API name or label) is 260 characters, over the platform's 255`,
            `error ${objects}/Goal_Plan__c/fields/Rep_Commitment_For_The_Next_Quarterly_Review__c.field-meta.xml:3 Rep_Commitment_For_The_Next_Quarterly_Review__c: custom field API name (without __c) is 44 characters, over the platform's 40`,
            `error ${objects}/Goal_Plan__c/fields/Why_Goal__c.field-meta.xml:4 Why_Goal__c: custom field label is 45 characters, over the platform's 40`,
            `error ${objects}/Goal_Plan__c/listViews/All_Goal_Plans_Of_Everyone_In_The_Sales_Team.listView-meta.xml:3 All_Goal_Plans_Of_Everyone_In_The_Sales_Team: list view API name is 44 characters, over the platform's 40`,
            `error ${objects}/Goal_Plan__c/listViews/All_Goal_Plans_Of_Everyone_In_The_Sales_Team.listView-meta.xml:5 All_Goal_Plans_Of_Everyone_In_The_Sales_Team: list view label is 44 characters, over the platform's 40`,
            `error ${objects}/Learning_Goal__c/fields/Review_Plan__c.field-meta.xml Learning_Goal__c has 3 master-detail fields (Coach_Plan__c, Goal_Plan__c, Review_Plan__c), over 2`,
            "error force-app/main/default/applications/Goal_Coach.app-meta.xml:3 Goal_Coach: CustomApplication description is 290 characters, over the platform's 250",
            'error force-app/main/default/flexipages/Crowded_Record_Page.flexipage-meta.xml:610 Crowded_Record_Page: region main holds 101 components, over 100',
            "error force-app/main/default/permissionsets/Goal_Coach_Integration.permissionset-meta.xml:3 Goal_Coach_Integration: PermissionSet description is 497 characters, over the platform's 255",
        ].sort());
        // Every finding names its Salesforce source and says by how much to shorten.
        const description = findings.find((f) => f.message.includes('PermissionSet description'))!;
        expect(description.message).toContain('Salesforce Field Reference, PermissionSet: "Description | Description | string | 255"');
        expect(description.fix).toBe('Shorten <description> by at least 242 characters.');
        expect(findings.find((f) => f.message.includes('master-detail'))!.message).toContain('Each custom object can have up to 2 master-detail relationships');
    });
});

describe('permission-dependencies', () => {
    it('reports object permissions without the permissions they depend on, on the same object and on Account', async () => {
        const findings = errorsOf(await findingsOf('permission-dependencies', 'permission-dependencies'));
        const set = 'force-app/main/default/permissionsets/Goal_Coach_Rep.permissionset-meta.xml';
        expect(summarize(findings).map(withoutSource)).toEqual([
            `error ${set}:15 Goal_Coach_Rep: Learning_Goal__c.Summary__c is editable but not readable`,
            `error ${set}:26 Goal_Coach_Rep grants Read on Contact but not on Account: Read Contact depends on Read Account`,
            `error ${set}:35 Goal_Coach_Rep grants allowCreate on Goal_Plan__c without <allowRead>`,
            `error ${set}:35 Goal_Coach_Rep grants allowEdit on Goal_Plan__c without <allowRead>`,
            `error ${set}:44 Goal_Coach_Rep grants modifyAllRecords on Goal_Step__c without <viewAllRecords>`,
            `error ${set}:53 Goal_Coach_Rep grants allowDelete on Learning_Goal__c without <allowEdit>`,
            `error ${set}:62 Goal_Coach_Rep grants Read on Opportunity but not on Account: Read Opportunity depends on Read Account`,
        ]);
        expect(findings.find((f) => f.message.includes('allowDelete'))!.message).toContain('Requires PermissionsRead and PermissionsEdit for the same object to be true.');
        expect(findings.find((f) => f.message.includes('Opportunity'))!.fix).toContain('<allowRead>true</allowRead>');
    });

    it('warns about field permissions the object permissions of the same set do not carry', async () => {
        const warnings = (await findingsOf('permission-dependencies', 'permission-dependencies')).filter((f) => f.severity === 'warning');
        expect(warnings.map((f) => withoutSource(f.message))).toEqual([
            'Goal_Coach_Rep: Input_Goal__c.Target__c is granted but the permission set does not grant Read on Input_Goal__c: the field grant gives nothing on its own',
            'Goal_Coach_Rep: Learning_Goal__c.Status__c is editable but the permission set grants neither Create nor Edit on Learning_Goal__c: nobody can write the field through it',
            'Goal_Coach_Rep: Learning_Goal__c.Summary__c is editable but the permission set grants neither Create nor Edit on Learning_Goal__c: nobody can write the field through it',
        ]);
    });
});

describe('owner-transfer', () => {
    it('requires Transfer Record and Edit of the permission sets whose users hand plans to reps', async () => {
        const findings = await findingsOf('owner-transfer', 'owner-transfer');
        expect(summarize(findings).map(withoutSource)).toEqual([
            'error force-app/main/default/permissionsets/Goal_Coach_Integration.permissionset-meta.xml Goal_Coach_Integration: a plan created for a rep is handed to the rep, but the permission set has no Edit on Goal_Plan__c.',
            'error force-app/main/default/permissionsets/Goal_Coach_Manager.permissionset-meta.xml Goal_Coach_Manager: a plan created for a rep is handed to the rep, which updates OwnerId, but the permission set lacks Transfer Record',
        ]);
        expect(findings.find((f) => f.message.includes('Transfer Record'))!.fix).toContain('<name>TransferAnyEntity</name>');
    });
});

describe('page-activation', () => {
    it('accepts only documented record-page assignments and warns about a record page nothing activates', async () => {
        const findings = await findingsOf('page-activation', 'page-activation');
        expect(summarize(findings).map(withoutSource)).toEqual([
            'error force-app/main/default/applications/Goal_Coach.app-meta.xml:11 User_Record_Page for User: the User record page is activated in a CustomApplication (app-default), a form no Salesforce page documents for User',
            'error force-app/main/default/applications/Goal_Coach.app-meta.xml:3 Opportunity_Record_Page for Opportunity: formFactor is Medium: a Lightning page override needs Large (desktop) or Small (mobile)',
            'error force-app/main/default/objects/Goal_Plan__c/Goal_Plan__c.object-meta.xml:10 Coach_Home for Goal_Plan__c: Coach_Home is of type AppPage, not a record page of Goal_Plan__c',
            'error force-app/main/default/objects/Goal_Plan__c/Goal_Plan__c.object-meta.xml:10 Coach_Home for Goal_Plan__c: a Lightning record page overrides the Edit action; record pages override View',
            'warning force-app/main/default/flexipages/Unused_Record_Page.flexipage-meta.xml Record page Unused_Record_Page is activated nowhere: no user sees it.',
        ]);
        // The org default of the same User page, in objects/User, is the documented form: no finding for it.
        expect(findings.filter((f) => f.file.includes('objects/User'))).toEqual([]);
        expect(findings.find((f) => f.message.includes('for User'))!.fix).toContain('objects/User/User.object-meta.xml');
    });
});

describe('the platform rules on main before issue 9', () => {
    // scripts/validate/__tests__/fixtures/main-today holds main's permission sets, app and record pages
    // at e0802c0: each known deploy defect must fail its rule.
    it('fails on the long descriptions, Opportunity Read without Account, the missing Transfer Record and the User page activated in the app', async () => {
        const report = await runValidation(fixture('main-today'), { only: ['metadata-limits', 'permission-dependencies', 'owner-transfer', 'page-activation'] });
        const byCheck = Object.fromEntries(report.outcomes.map((outcome) => [outcome.check.name, outcome.findings.map((f) => withoutSource(f.message)).sort()]));
        expect(byCheck['metadata-limits']).toEqual([
            "Goal_Coach_Integration: PermissionSet description is 497 characters, over the platform's 255",
            "Goal_Coach_Rep: PermissionSet description is 350 characters, over the platform's 255",
        ]);
        expect(byCheck['permission-dependencies']).toEqual(
            ['Goal_Coach_Admin', 'Goal_Coach_Manager', 'Goal_Coach_Rep'].map((set) => `${set} grants Read on Opportunity but not on Account: Read Opportunity depends on Read Account`),
        );
        expect(byCheck['owner-transfer']).toHaveLength(3);
        expect(byCheck['page-activation']).toEqual(['User_Record_Page for User: the User record page is activated in a CustomApplication (app-default), a form no Salesforce page documents for User']);
        expect(report.errors).toBe(9);
    });
});

describe('graphql-queries', () => {
    /** A finding line without the Salesforce page and sentence it quotes (checked once below). */
    const withoutCitation = (line: string) => line.replace(/ \((?:GraphQL API Developer Guide|LWC Developer Guide), [^"]*"[^"]*"\)/, '');

    it("fails the goal-plan panel's former query of 11 subqueries, as the platform would", async () => {
        const findings = await findingsOf('graphql-queries', 'graphql-subqueries');
        const component = 'force-app/main/default/lwc/goalPlanPanel/goalPlanPanel.ts';
        expect(errorsOf(findings)[0]!.message).toContain('(GraphQL API Developer Guide, GraphQL API Query Limitations: "Each GraphQL query can contain up to 10 subqueries.")');
        expect(summarize(errorsOf(findings)).map(withoutCitation)).toEqual([
            `error ${component}:276 The query has 11 subqueries (User, Goal_Plan__c, Learning_Goal__c, Goal_Step__c, Input_Goal__c, Opportunity, Event, Task, OpportunityContactRole, Milestone_Completion__c, OpportunitiesCreated); a UI API GraphQL query can contain up to 10.`,
        ]);
        // Beta and undocumented objects are flagged, not failed: they may work on an org.
        expect(findings.filter((f) => f.severity === 'warning').map((f) => f.message.split(' ')[0])).toEqual(['User', 'Event', 'Task', 'OpportunityContactRole']);
    });

    it('reports first over 2000, deep parent and nested child relationships, unsupported objects, unknown fields and syntax errors', async () => {
        const findings = await findingsOf('graphql-queries', 'graphql-rules');
        const component = 'force-app/main/default/lwc/teamActivity/teamActivity.ts';
        expect(summarize(errorsOf(findings)).map(withoutCitation)).toEqual([
            `error ${component}:11 Opportunity asks for first: 2001; a subquery can return up to 2000 records.`,
            `error ${component}:15 uiapi/query/Opportunity/edges/node/Stage: Opportunity.Stage does not exist (neither in force-app nor on the kept list of standard fields).`,
            `error ${component}:27 uiapi/query/Account/edges/node/Contacts/edges/node/Cases is a child relationship inside a child relationship; the GraphQL wire adapter supports one level.`,
            `error ${component}:48 uiapi/query/Contact/edges/node/Account/Owner/Manager/Manager/Manager/Manager is child-to-parent level 6; a query can specify up to 5 levels.`,
            `error ${component}:61 Solution is not on the kept list of objects User Interface API supports.`,
            `error ${component}:80 The gql query does not parse: Syntax Error: Expected Name, found "}".`,
        ].sort());
        expect(summarize(findings.filter((f) => f.severity === 'warning'))).toEqual([
            `warning ${component}:24 uiapi/query/Account/edges/node/Contacts: child relationship Contacts of Account cannot be verified offline.`,
            `warning ${component}:64 Task is Beta in UI API GraphQL (GraphQL API Query Limitations: "Event and Task (Beta) available in API v59.0 and later").`,
        ]);
    });
});

describe('code-analyzer', () => {
    const badge = 'force-app/main/default/lwc/goalBadge';
    const slds = '@salesforce-ux/slds';

    it('fails on severities 1-3, on unlisted severity 4 and on a .ts ESLint cannot parse, with file and line; counts the allowlisted', async () => {
        const report = await runValidation(fixture('code-analyzer'), { only: ['code-analyzer'] });
        const { findings, notes } = report.outcomes[0]!;
        expect(summarize(findings)).toEqual([
            `error ${badge}/__tests__/goalBadge.test.ts Code Analyzer's eslint engine skipped this: When scanning file '${badge}/__tests__/goalBadge.test.ts' with the eslint engine, ESLint gave the following error: Parsing error: ${badge}/__tests__/goalBadge.test.ts was not found by the project service. Consider either including it in the tsconfig.json or including it in allowDefaultProject.`,
            `error ${badge}/goalBadge.css:2 The '--slds-g-color-border-brand-1' styling hook isn't present in SLDS 2 and there's no equivalent replacement. Remove it or replace it with a styling hook with a similar effect. (eslint:${slds}/no-unsupported-hooks-slds2, severity 3 Moderate)`,
            `error ${badge}/goalBadge.css:2 Using the --slds namespace for --slds-g-color-border-brand-1 isn't supported. Create the custom styling hook in your namespace. Example: --myapp-g-color-border-brand-1 (eslint:${slds}/no-slds-namespace-for-custom-hooks, severity 4 Low)`,
            `error ${badge}/goalBadge.css:3 Consider replacing the 0.5rem static value with an SLDS 2 styling hook that has a similar value: --slds-g-spacing-2. (eslint:${slds}/no-hardcoded-values-slds2, severity 4 Low)`,
            // LWC rules apply only to JavaScript: they see the .js tsc emits, the code the org receives.
            `error ${badge}/goalBadge.js:10 Using 'innerHTML/outputHTML/insertAdjacentHTML' is not allowed (eslint:@lwc/lwc/no-inner-html, severity 2 High)`,
            `error ${badge}/goalBadge.ts:5 Unexpected any. Specify a different type. (eslint:@typescript-eslint/no-explicit-any, severity 3 Moderate)`,
            // no-debugger runs on both languages: reported once, on the source.
            `error ${badge}/goalBadge.ts:10 Unexpected 'debugger' statement. (eslint:no-debugger, severity 2 High)`,
        ].sort());
        expect(findings.find((f) => f.file.endsWith('goalBadge.js'))!.fix).toContain("tsc's output of goalBadge.ts: fix the .ts");
        expect(findings.find((f) => f.message.includes('0.5rem'))!.fix).toContain('scripts/validate/codeAnalyzerAllowlist.ts');
        // lossChart.css's max-width: 24rem is on the allowlist: counted, not an error.
        expect(notes).toContain(`1 allowlisted at severity 4 (1 eslint:${slds}/no-hardcoded-values-slds2)`);
        // CPD's JavaScript lexer rejects the em dash in goalBadge.js's nested template literal; it read the .ts.
        expect(notes).toContain(`CPD's JavaScript lexer could not read ${badge}/goalBadge.js (tsc output; CPD read the .ts source)`);
    }, 120_000);

    it('fails when Java is missing and the project has Apex or Visualforce, which PMD\'s Recommended rules cover', () => {
        const notStarted = ['pmd', 'cpd'].map((engine) => ({
            engine, rule: 'UninstantiableEngineError', severity: 1, tags: [], message: 'Could not locate Java v11.0.0+.', resourceUrls: [],
        }));
        const finding = javaEnginesNotStarted(notStarted, true);
        expect(finding.severity).toBe('error');
        expect(finding.message).toContain("PMD's Recommended rules did not run");
        expect(javaEnginesNotStarted(notStarted, false).severity).toBe('warning');
    });
});
