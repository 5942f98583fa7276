import { CodeAnalyzer, CodeAnalyzerConfig, EventType } from '@salesforce/code-analyzer-core';
import { createEnginePlugin as e } from '@salesforce/code-analyzer-eslint-engine';
async function main() {
  const ca = new CodeAnalyzer(CodeAnalyzerConfig.fromObject({ log_level: 5, engines: { eslint: { disable_react_base_config: true } } }, process.cwd()));
  ca.onEvent(EventType.LogEvent, (ev: any) => { if (ev.logLevel <= 4) console.log('LOG', ev.logLevel, ev.message.slice(0, 300)); });
  ca.onEvent(EventType.EngineLogEvent, (ev: any) => { if (ev.logLevel <= 4) console.log('ENG', ev.logLevel, ev.message.slice(0, 400)); });
  await ca.addEnginePlugin(e());
  const ws = await ca.createWorkspace(process.argv.slice(2));
  const sel = await ca.selectRules(['Recommended'], { workspace: ws });
  const res = await ca.run(sel, { workspace: ws });
  for (const v of res.getViolations()) console.log(v.getRule().getName(), v.getPrimaryLocation().getFile(), v.getPrimaryLocation().getStartLine());
}
main();
