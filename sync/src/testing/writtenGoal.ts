// A Learning_Goal__c as the sync last wrote it for a suggestion, for the write-plan tests.
import { skillLabels, type Suggestion } from '../core/contract';
import { evidenceStrength, type ExistingGoal } from '../sinks/orgWritePlan';

export function writtenGoal(key: string, suggestion: Suggestion, integrationUserId: string, fields: Partial<ExistingGoal> = {}): ExistingGoal {
    return {
        Id: 'a025g0000000001AAA',
        Suggestion_Key__c: key,
        Status__c: 'Suggested',
        LastModifiedById: integrationUserId,
        LastModifiedDate: '2026-11-19T03:00:00.000Z',
        Skill__c: skillLabels[suggestion.skill],
        Summary__c: suggestion.summary,
        Evidence__c: suggestion.evidence.map((item) => item.note).join('\n'),
        Evidence_Json__c: JSON.stringify(suggestion.evidence),
        Confidence__c: Math.round(suggestion.confidence * 100),
        Evidence_Strength__c: evidenceStrength(suggestion),
        IsDeleted: false,
        ...fields,
    };
}
