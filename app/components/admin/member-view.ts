import type { SerializeFrom } from "@remix-run/node";
import type { listMembers } from "~/modules/admin/list-members.server";

/** The members page's data as the browser receives it. */
export type MembersOverview = SerializeFrom<typeof listMembers>;
