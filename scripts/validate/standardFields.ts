/**
 * The standard objects and fields Goal Coach refers to, so that references to them can be checked
 * without an org. Not the whole platform schema: when the project starts using another standard
 * object or field, add it here (the validation says so when it meets one it does not know).
 * Names are the API names of the current API version.
 */

export interface StandardObject {
    readonly fields: readonly string[];
    /** Relationship name -> the object it points to (a list for polymorphic lookups). */
    readonly relationships: Readonly<Record<string, string | readonly string[]>>;
}

const audit = ['CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp', 'IsDeleted'];
const auditRelationships = { CreatedBy: 'User', LastModifiedBy: 'User' } as const;

/** Fields every custom object has (OwnerId only when it is not the detail of a master-detail). */
export const customObjectStandardFields: readonly string[] = [
    'Id', 'Name', 'OwnerId', 'RecordTypeId', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate', ...audit,
];
export const customObjectStandardRelationships: Readonly<Record<string, string | readonly string[]>> = {
    Owner: ['User', 'Group'],
    RecordType: 'RecordType',
    ...auditRelationships,
};

export const standardObjects: Readonly<Record<string, StandardObject>> = {
    Opportunity: {
        fields: [
            'Id', 'Name', 'AccountId', 'Amount', 'CloseDate', 'StageName', 'Probability', 'ExpectedRevenue',
            'TotalOpportunityQuantity', 'Type', 'LeadSource', 'NextStep', 'Description', 'IsClosed', 'IsWon',
            'ForecastCategory', 'ForecastCategoryName', 'OwnerId', 'CampaignId', 'ContactId', 'Pricebook2Id',
            'HasOpportunityLineItem', 'HasOpenActivity', 'HasOverdueTask', 'RecordTypeId', 'FiscalQuarter',
            'FiscalYear', 'Fiscal', 'LastActivityDate', 'LastStageChangeDate', 'LastViewedDate',
            'LastReferencedDate', 'PushCount', ...audit,
        ],
        relationships: {
            Account: 'Account', Owner: 'User', Campaign: 'Campaign', Contact: 'Contact', RecordType: 'RecordType',
            ...auditRelationships,
        },
    },
    OpportunityHistory: {
        fields: [
            'Id', 'OpportunityId', 'StageName', 'Amount', 'ExpectedRevenue', 'CloseDate', 'Probability',
            'ForecastCategory', 'PrevAmount', 'PrevCloseDate', 'CreatedById', 'CreatedDate', 'SystemModstamp',
            'IsDeleted',
        ],
        relationships: { Opportunity: 'Opportunity', CreatedBy: 'User' },
    },
    OpportunityFieldHistory: {
        fields: ['Id', 'OpportunityId', 'Field', 'OldValue', 'NewValue', 'DataType', 'CreatedById', 'CreatedDate', 'IsDeleted'],
        relationships: { Opportunity: 'Opportunity', CreatedBy: 'User' },
    },
    OpportunityContactRole: {
        fields: ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary', ...audit],
        relationships: { Opportunity: 'Opportunity', Contact: 'Contact', ...auditRelationships },
    },
    OpportunityStage: {
        fields: [
            'Id', 'MasterLabel', 'ApiName', 'IsActive', 'SortOrder', 'IsClosed', 'IsWon', 'ForecastCategory',
            'ForecastCategoryName', 'DefaultProbability', 'Description', ...audit.filter((f) => f !== 'IsDeleted'),
        ],
        relationships: { ...auditRelationships },
    },
    Account: {
        fields: [
            'Id', 'Name', 'Type', 'Industry', 'AnnualRevenue', 'NumberOfEmployees', 'AccountNumber', 'Rating',
            'Phone', 'Fax', 'Website', 'Description', 'OwnerId', 'ParentId', 'RecordTypeId', 'BillingStreet',
            'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry', 'ShippingStreet', 'ShippingCity',
            'ShippingState', 'ShippingPostalCode', 'ShippingCountry', 'LastActivityDate', 'LastViewedDate',
            'LastReferencedDate', ...audit,
        ],
        relationships: { Owner: 'User', Parent: 'Account', RecordType: 'RecordType', ...auditRelationships },
    },
    Contact: {
        fields: [
            'Id', 'Name', 'FirstName', 'LastName', 'Salutation', 'Title', 'Department', 'Email', 'Phone',
            'MobilePhone', 'AccountId', 'OwnerId', 'ReportsToId', 'LeadSource', 'Description', 'MailingStreet',
            'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry', 'RecordTypeId', 'LastActivityDate',
            'LastViewedDate', 'LastReferencedDate', ...audit,
        ],
        relationships: { Account: 'Account', Owner: 'User', ReportsTo: 'Contact', RecordType: 'RecordType', ...auditRelationships },
    },
    User: {
        fields: [
            'Id', 'Name', 'FirstName', 'LastName', 'Username', 'Alias', 'CommunityNickname', 'Email', 'Title',
            'Department', 'Division', 'CompanyName', 'Phone', 'MobilePhone', 'EmployeeNumber', 'IsActive',
            'ManagerId', 'UserRoleId', 'ProfileId', 'UserType', 'TimeZoneSidKey', 'LocaleSidKey', 'LanguageLocaleKey',
            'SmallPhotoUrl', 'MediumPhotoUrl', 'FullPhotoUrl', 'LastLoginDate', 'FederationIdentifier',
            'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp',
            'LastViewedDate', 'LastReferencedDate',
        ],
        relationships: { Manager: 'User', UserRole: 'UserRole', Profile: 'Profile', ...auditRelationships },
    },
    UserRole: {
        fields: ['Id', 'Name', 'DeveloperName', 'ParentRoleId', 'RollupDescription', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp'],
        relationships: { LastModifiedBy: 'User' },
    },
    Profile: {
        fields: ['Id', 'Name', 'UserType', 'Description', ...audit.filter((f) => f !== 'IsDeleted')],
        relationships: { ...auditRelationships },
    },
    RecordType: {
        fields: ['Id', 'Name', 'DeveloperName', 'SobjectType', 'IsActive', 'Description', ...audit.filter((f) => f !== 'IsDeleted')],
        relationships: { ...auditRelationships },
    },
    Group: {
        fields: ['Id', 'Name', 'DeveloperName', 'Type', 'Email', 'OwnerId', ...audit.filter((f) => f !== 'IsDeleted')],
        relationships: { ...auditRelationships },
    },
    Campaign: {
        fields: ['Id', 'Name', 'Type', 'Status', 'StartDate', 'EndDate', 'IsActive', 'OwnerId', ...audit],
        relationships: { Owner: 'User', ...auditRelationships },
    },
    Task: {
        fields: [
            'Id', 'Subject', 'Status', 'Priority', 'IsHighPriority', 'ActivityDate', 'Description', 'Type',
            'TaskSubtype', 'WhoId', 'WhatId', 'AccountId', 'OwnerId', 'IsClosed', 'CompletedDateTime', 'CallType',
            'CallDurationInSeconds', 'CallDisposition', 'IsRecurrence', 'RecordTypeId', ...audit,
        ],
        relationships: {
            Who: ['Contact', 'Lead'], What: ['Opportunity', 'Account'], Account: 'Account', Owner: 'User',
            RecordType: 'RecordType', ...auditRelationships,
        },
    },
    Event: {
        fields: [
            'Id', 'Subject', 'ActivityDate', 'ActivityDateTime', 'StartDateTime', 'EndDateTime', 'DurationInMinutes',
            'IsAllDayEvent', 'Location', 'Description', 'Type', 'EventSubtype', 'ShowAs', 'IsPrivate', 'WhoId',
            'WhatId', 'AccountId', 'OwnerId', 'RecordTypeId', ...audit,
        ],
        relationships: {
            Who: ['Contact', 'Lead'], What: ['Opportunity', 'Account'], Account: 'Account', Owner: 'User',
            RecordType: 'RecordType', ...auditRelationships,
        },
    },
    Lead: {
        fields: ['Id', 'Name', 'FirstName', 'LastName', 'Company', 'Title', 'Email', 'Phone', 'Status', 'LeadSource', 'OwnerId', 'IsConverted', ...audit],
        relationships: { Owner: ['User', 'Group'], ...auditRelationships },
    },
};

/**
 * List views name standard columns with legacy tokens rather than API names (`NAME`,
 * `OPPORTUNITY.AMOUNT`, `CORE.USERS.ALIAS`). The tokens known to be valid, per object; custom objects
 * share the `*custom*` list.
 */
export const listViewStandardColumns: Readonly<Record<string, readonly string[]>> = {
    '*custom*': [
        'NAME', 'OWNER.ALIAS', 'OWNER.FIRST_NAME', 'OWNER.LAST_NAME', 'CREATED_DATE', 'CREATEDBY_USER',
        'CREATEDBY_USER.ALIAS', 'LAST_UPDATE', 'UPDATEDBY_USER', 'UPDATEDBY_USER.ALIAS', 'RECORDTYPE', 'OBJECT_ID',
        'LAST_ACTIVITY',
    ],
    Opportunity: [
        'OPPORTUNITY.NAME', 'ACCOUNT.NAME', 'OPPORTUNITY.AMOUNT', 'OPPORTUNITY.CLOSE_DATE', 'OPPORTUNITY.STAGE_NAME',
        'OPPORTUNITY.PROBABILITY', 'OPPORTUNITY.TYPE', 'OPPORTUNITY.LEAD_SOURCE', 'OPPORTUNITY.NEXT_STEP',
        'OPPORTUNITY.FORECAST_CATEGORY', 'OPPORTUNITY.CLOSED', 'OPPORTUNITY.WON', 'OPPORTUNITY.CREATED_DATE',
        'OPPORTUNITY.LAST_UPDATE', 'OPPORTUNITY.LAST_ACTIVITY', 'OPPORTUNITY.EXP_AMOUNT', 'CORE.USERS.ALIAS',
        'CORE.USERS.FULL_NAME', 'CORE.USERS.FIRST_NAME', 'CORE.USERS.LAST_NAME',
    ],
    Account: [
        'ACCOUNT.NAME', 'ACCOUNT.TYPE', 'ACCOUNT.INDUSTRY', 'ACCOUNT.ADDRESS1_CITY', 'ACCOUNT.ADDRESS1_STATE',
        'ACCOUNT.PHONE1', 'ACCOUNT.CREATED_DATE', 'ACCOUNT.LAST_UPDATE', 'CORE.USERS.ALIAS',
    ],
    Contact: [
        'FULL_NAME', 'ACCOUNT.NAME', 'CONTACT.TITLE', 'CONTACT.PHONE1', 'CONTACT.EMAIL', 'CONTACT.CREATED_DATE',
        'CONTACT.LAST_UPDATE', 'CORE.USERS.ALIAS',
    ],
};

/**
 * `lightning/<name>` modules and `<lightning-*>` components the org has that neither
 * lightning-base-components nor the sfdx-lwc-jest stubs list (by camelCase name, e.g. `recordPicker`).
 */
export const extraLightningModules: readonly string[] = [];
