import type { LangiumCoreServices } from 'langium';
import type { WarrantServices } from '../warrant-module.js';

/**
 * Langium's service registry hands out its own service type; Warrant's language services are
 * those with the `warrant` group. Checked, not cast, so another language registered beside
 * Warrant's is skipped rather than misread.
 */
export function isWarrantServices(services: LangiumCoreServices): services is WarrantServices {
    return 'warrant' in services;
}
