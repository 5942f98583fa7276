import { Check } from '../types';
import { codeAnalyzerCheck } from './codeAnalyzer';
import { eslintCheck } from './eslint';
import { fieldReferencesCheck } from './fieldReferences';
import { fieldSecurityCheck } from './fieldSecurity';
import { flexipageComponentsCheck } from './flexipageComponents';
import { graphqlQueriesCheck } from './graphqlQueries';
import { lwcBundleFilesCheck } from './lwcBundleFiles';
import { metadataLimitsCheck } from './metadataLimits';
import { ownerTransferCheck } from './ownerTransfer';
import { pageActivationCheck } from './pageActivation';
import { permissionDependenciesCheck } from './permissionDependencies';
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
    metadataLimitsCheck,
    permissionDependenciesCheck,
    ownerTransferCheck,
    pageActivationCheck,
    flexipageComponentsCheck,
    graphqlQueriesCheck,
    platformCompilerCheck,
    eslintCheck,
    codeAnalyzerCheck,
];
