// Runs in the browser before any page code (Next.js's instrumentation-client convention).
//
// Forms check their input in the browser with the server's zod schemas. By default zod probes
// whether it may compile parsers with `new Function` the first time an object schema is built;
// the Content-Security-Policy (lib/http/security-headers.js) rightly forbids eval, so the probe
// fails quietly but the browser still reports a policy violation on every page with a form.
// Without JIT compilation zod never probes: the checks are the same, and eval stays forbidden.
// The setting has to be made before the first schema is built, hence here rather than in a form.
import { config } from "zod";

config({ jitless: true });
