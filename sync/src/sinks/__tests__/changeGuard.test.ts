import { requireId18 } from '../../core/salesforceId';
import { changedDuringRun, type FirstRead } from '../changeGuard';

const integration = requireId18('0055g00000INTEG');
const manager = requireId18('0055g00000MGR01');
const read: FirstRead = { LastModifiedDate: '2026-11-20T03:00:00Z', LastModifiedById: integration, Status__c: 'Suggested' };
const row = (fields: Record<string, string | null>) => ({ Id: 'a025g0000000001AAA', ...read, ...fields });

describe('changedDuringRun', () => {
    it('keeps a record nobody touched, and one only the sync itself wrote this run', () => {
        expect(changedDuringRun(read, row({}), integration)).toBe(false);
        expect(changedDuringRun(read, row({ LastModifiedDate: '2026-11-20T03:05:00Z', LastModifiedById: integration.slice(0, 15) }), integration)).toBe(false);
        expect(changedDuringRun(undefined, undefined, integration)).toBe(false);
        expect(changedDuringRun(undefined, row({}), integration)).toBe(false);
    });

    it('drops a record a person edited, even within the same second, or deleted, or created under the key', () => {
        expect(changedDuringRun(read, row({ LastModifiedById: manager }), integration)).toBe(true);
        expect(changedDuringRun({ ...read, LastModifiedById: manager }, row({ LastModifiedById: manager, LastModifiedDate: '2026-11-20T03:05:00Z' }), integration)).toBe(true);
        expect(changedDuringRun(read, undefined, integration)).toBe(true);
        expect(changedDuringRun(undefined, row({ LastModifiedById: manager }), integration)).toBe(true);
    });

    it('drops a record whose status changed, whoever changed it', () => {
        expect(changedDuringRun(read, row({ Status__c: 'Accepted' }), integration)).toBe(true);
        expect(changedDuringRun({ ...read, LastModifiedById: manager }, row({ LastModifiedById: manager }), integration)).toBe(false);
    });
});
