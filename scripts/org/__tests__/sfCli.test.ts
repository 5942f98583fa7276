import { describeSfError } from '../orgSetup';
import { formatCommand, parseSfEnvelope, redact, soqlString } from '../sfCli';

describe('sf helpers', () => {
    it('redacts access tokens, auth URLs and secrets', () => {
        const text = 'sid=00Dxx0000001gPFEAY!AQ4AQabc.def_ghi {"accessToken":"abc","password":"p4ss"} force://PlatformCLI::5Aep861@x.my.salesforce.com Bearer abc.def';
        const shown = redact(text);
        expect(shown).not.toMatch(/AQ4AQabc|"abc"|p4ss|5Aep861|Bearer abc/);
        expect(shown).toContain('[redacted token]');
    });

    it('reads the JSON envelope from either stream, and null when there is none', () => {
        expect(parseSfEnvelope({ exitCode: 1, stdout: '', stderr: 'Warning: x\n{"status":1,"name":"E","message":"m"}' })).toMatchObject({ status: 1, message: 'm' });
        expect(parseSfEnvelope({ exitCode: 0, stdout: '{"status":0,"result":{"id":"1"}}', stderr: '' })).toMatchObject({ result: { id: '1' } });
        expect(parseSfEnvelope({ exitCode: 127, stdout: 'command not found', stderr: '' })).toBeNull();
    });

    it('quotes command lines for display and escapes SOQL literals', () => {
        expect(formatCommand('sf', ['data', 'query', '--query', "SELECT Id FROM User WHERE Name = 'O\\'Neil'"])).toBe(
            "sf data query --query 'SELECT Id FROM User WHERE Name = '\\''O\\'\\''Neil'\\'''",
        );
        expect(soqlString("O'Neil \\ co")).toBe("'O\\'Neil \\\\ co'");
    });

    it('lists the component failures of a failed deploy', () => {
        const message = describeSfError({
            status: 1,
            name: 'FailedDeployError',
            message: 'Deploy failed.',
            result: { details: { componentFailures: { componentType: 'FlexiPage', fullName: 'User_Record_Page', problem: 'Invalid component' } } },
        });
        expect(message).toBe('FailedDeployError: Deploy failed.\n  - FlexiPage User_Record_Page: Invalid component');
    });
});
