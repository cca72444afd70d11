import { router } from "../../trpc";
import { listAuditEventsProcedure } from "./list";

export const auditRouter = router({ list: listAuditEventsProcedure });
