// Stores an sf CLI login for the fake org, as `sf org login access-token` would, so that
// `goal-coach sync --target-org ALIAS` can be tested end to end. Run it in a child process with HOME
// pointing at a temporary folder and SF_USE_GENERIC_UNIX_KEYCHAIN=true; FAKE_URL, SF_ACCESS_TOKEN,
// SF_USERNAME and SF_ALIAS come from the environment.
import { AuthInfo, StateAggregator } from '@salesforce/core';

async function main(): Promise<void> {
    const { FAKE_URL: url, SF_ACCESS_TOKEN: accessToken, SF_USERNAME: username, SF_ALIAS: alias } = process.env;
    if (!url || !accessToken || !username || !alias) throw new Error('set FAKE_URL, SF_ACCESS_TOKEN, SF_USERNAME and SF_ALIAS');
    const auth = await AuthInfo.create({ username, accessTokenOptions: { accessToken, instanceUrl: url, loginUrl: url } });
    await auth.save();
    const state = await StateAggregator.getInstance();
    await state.aliases.setAndSave(alias, username);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
