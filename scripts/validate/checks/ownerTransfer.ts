import { cite } from '../../../platform/citation';
import { ownerUpdateCitation, transferRecordPermission } from '../../../platform/permissions/ownershipTransfer';
import { metadataKinds, readMetadataFiles } from '../metadataFiles';
import { Check, FindingInput } from '../types';
import { text, toArray, XmlNode } from '../xml';
import { objectGrantsOf } from './permissionDependencies';

const name = 'owner-transfer';

/**
 * The project's write paths that create a record for someone else and then hand it over by updating
 * OwnerId: the sync service inserts each rep's Goal_Plan__c (sync/src/sinks/orgWritePlan.ts), and a
 * manager or admin creates a rep's plan from the panels (lwc/goalPlanData createGoalPlan). The
 * permission sets of the users who run them need Transfer Record and Edit on the object.
 */
export const ownerHandOvers: readonly { object: string; permissionSets: readonly string[]; writePath: string }[] = [
    { object: 'Goal_Plan__c', permissionSets: ['Goal_Coach_Integration', 'Goal_Coach_Manager', 'Goal_Coach_Admin'], writePath: 'a plan created for a rep is handed to the rep' },
];

function grantsTransferRecord(node: XmlNode): boolean {
    return toArray<XmlNode>(node.userPermissions).some((permission) => text(permission, 'name') === transferRecordPermission && text(permission, 'enabled') === 'true');
}

/** Permission sets whose users create records for others carry what the hand-over of OwnerId needs. */
export const ownerTransferCheck: Check = {
    name,
    description: 'permission sets of users who create records for others can transfer them (Transfer Record, Edit)',
    async run(project) {
        const sets = new Map((await readMetadataFiles(project, metadataKinds.permissionSet)).map((set) => [set.name, set]));
        const findings: FindingInput[] = [];
        for (const handOver of ownerHandOvers) {
            for (const setName of handOver.permissionSets) {
                const set = sets.get(setName);
                if (!set) continue;
                const edit = objectGrantsOf(set).find((grant) => grant.object === handOver.object)?.edit === true;
                if (!grantsTransferRecord(set.node)) {
                    findings.push({
                        check: name,
                        file: project.relative(set.file),
                        message: `${setName}: ${handOver.writePath}, which updates OwnerId, but the permission set lacks Transfer Record (${cite(ownerUpdateCitation)}); the plan would stay with its creator and the rep would not see it.`,
                        fix: `Add <userPermissions><enabled>true</enabled><name>${transferRecordPermission}</name></userPermissions>.`,
                    });
                }
                if (!edit) {
                    findings.push({
                        check: name,
                        file: project.relative(set.file),
                        message: `${setName}: ${handOver.writePath}, but the permission set has no Edit on ${handOver.object}.`,
                        fix: `Set <allowEdit>true</allowEdit> on the ${handOver.object} <objectPermissions>.`,
                    });
                }
            }
        }
        return findings;
    },
};
