import { Check } from '../types';
import { codeAnalyzerCheck } from './codeAnalyzer';
import { eslintCheck } from './eslint';
import { fieldReferencesCheck } from './fieldReferences';
import { fieldSecurityCheck } from './fieldSecurity';
import { flexipageComponentsCheck } from './flexipageComponents';
import { lwcBundleFilesCheck } from './lwcBundleFiles';
import { platformCompilerCheck } from './platformCompiler';
import { projectSchemasCheck } from './projectSchemas';
import { sdrConversionCheck } from './sdrConversion';
import { tsconfigPathsCheck } from './tsconfigPaths';
import { unresolvedFilesCheck } from './unresolvedFiles';
import { xmlWellFormedCheck } from './xmlWellFormed';

/** Every check, in the order they run and print. */
export const allChecks: readonly Check[] = [
    projectSchemasCheck,
    xmlWellFormedCheck,
    sdrConversionCheck,
    unresolvedFilesCheck,
    lwcBundleFilesCheck,
    tsconfigPathsCheck,
    fieldReferencesCheck,
    fieldSecurityCheck,
    flexipageComponentsCheck,
    platformCompilerCheck,
    eslintCheck,
    codeAnalyzerCheck,
];
