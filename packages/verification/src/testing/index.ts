export {
  runVerificationStoreConformance,
  type StoreConformanceSubject,
} from './run-verification-store-conformance.js';
