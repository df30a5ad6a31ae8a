/**
 * Every template data file, imported statically so the build carries them into dist/. A test keeps this list in
 * step with the files under data/.
 */
import codeProgrammingExamples from './data/code/programming-examples.json' with { type: 'json' };
import customerServiceSupportConversations from './data/customer-service/support-conversations.json' with { type: 'json' };
import eCommerceCustomerInteractions from './data/e-commerce/customer-interactions.json' with { type: 'json' };
import eCommerceCustomers from './data/e-commerce/customers.json' with { type: 'json' };
import eCommerceOrders from './data/e-commerce/orders.json' with { type: 'json' };
import eCommerceProducts from './data/e-commerce/products.json' with { type: 'json' };
import eCommerceReviews from './data/e-commerce/reviews.json' with { type: 'json' };
import educationAssessments from './data/education/assessments.json' with { type: 'json' };
import educationLessonPlans from './data/education/lesson-plans.json' with { type: 'json' };
import educationStudents from './data/education/students.json' with { type: 'json' };
import financeLoans from './data/finance/loans.json' with { type: 'json' };
import financeMarketTicks from './data/finance/market-ticks.json' with { type: 'json' };
import financeRiskAssessments from './data/finance/risk-assessments.json' with { type: 'json' };
import financeTransactions from './data/finance/transactions.json' with { type: 'json' };
import healthcareClinicalNotes from './data/healthcare/clinical-notes.json' with { type: 'json' };
import healthcareDiagnosticReports from './data/healthcare/diagnostic-reports.json' with { type: 'json' };
import healthcareEncounters from './data/healthcare/encounters.json' with { type: 'json' };
import healthcareLabResults from './data/healthcare/lab-results.json' with { type: 'json' };
import healthcarePatients from './data/healthcare/patients.json' with { type: 'json' };
import hrEmployees from './data/hr/employees.json' with { type: 'json' };
import insuranceClaims from './data/insurance/claims.json' with { type: 'json' };
import iotSensorReadings from './data/iot/sensor-readings.json' with { type: 'json' };
import legalCaseSummaries from './data/legal/case-summaries.json' with { type: 'json' };
import legalContracts from './data/legal/contracts.json' with { type: 'json' };
import legalRegulatoryFilings from './data/legal/regulatory-filings.json' with { type: 'json' };
import logisticsShipments from './data/logistics/shipments.json' with { type: 'json' };
import marketingCampaigns from './data/marketing/campaigns.json' with { type: 'json' };
import realEstateListings from './data/real-estate/listings.json' with { type: 'json' };
import socialMediaPosts from './data/social-media/posts.json' with { type: 'json' };
import telecomChurn from './data/telecom/churn.json' with { type: 'json' };
import domains from './data/domains.json' with { type: 'json' };

/** The raw template documents, in file order. */
export const TEMPLATE_FILES: readonly unknown[] = [
  codeProgrammingExamples,
  customerServiceSupportConversations,
  eCommerceCustomerInteractions,
  eCommerceCustomers,
  eCommerceOrders,
  eCommerceProducts,
  eCommerceReviews,
  educationAssessments,
  educationLessonPlans,
  educationStudents,
  financeLoans,
  financeMarketTicks,
  financeRiskAssessments,
  financeTransactions,
  healthcareClinicalNotes,
  healthcareDiagnosticReports,
  healthcareEncounters,
  healthcareLabResults,
  healthcarePatients,
  hrEmployees,
  insuranceClaims,
  iotSensorReadings,
  legalCaseSummaries,
  legalContracts,
  legalRegulatoryFilings,
  logisticsShipments,
  marketingCampaigns,
  realEstateListings,
  socialMediaPosts,
  telecomChurn,
];

/** The raw domain list (titles, aliases, default tasks). */
export const DOMAIN_FILE: unknown = domains;
