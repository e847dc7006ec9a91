import { isCountryCode } from "../countries";
import { signInputSchemaFor } from "./schema";

// The sign form's fields as the server checks them: any ISO 3166-1 country.
export const signInputSchema = signInputSchemaFor(isCountryCode);
