export {
  type ConformanceNumbers,
  type ConformanceSubject,
  type ReceivedMessage,
  runSmsSenderConformance,
} from './run-sms-sender-conformance.js';
