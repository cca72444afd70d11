import { router } from "../../trpc";
import { changeMemberRoleProcedure } from "./change-role";
import { leaveOrganizationProcedure } from "./leave";
import { listMembersProcedure } from "./list";
import { removeMemberProcedure } from "./remove";

export const membersRouter = router({
  list: listMembersProcedure,
  changeRole: changeMemberRoleProcedure,
  remove: removeMemberProcedure,
  leave: leaveOrganizationProcedure,
});
