/**
 * Client routes. Each names the permission its screen needs (the server's
 * own, from `GET /me`); a deep link the role may not open shows the 403 page.
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { auth, can, loadMe, type Permission } from "../api";

declare module "vue-router" {
  interface RouteMeta {
    /** Needed to open the screen. */
    permission?: Permission;
    /** Public (the login page). */
    public?: boolean;
    /** i18n key of the menu entry. */
    title?: string;
  }
}

const routes: RouteRecordRaw[] = [
  { path: "/login", name: "login", component: () => import("../views/LoginView.vue"), meta: { public: true } },
  {
    path: "/",
    component: () => import("../components/AppLayout.vue"),
    children: [
      { path: "", name: "home", component: () => import("../views/HomeView.vue") },
      {
        path: "dashboard",
        name: "dashboard",
        component: () => import("../views/DashboardView.vue"),
        meta: { permission: "read_overview", title: "nav.dashboard" },
      },
      {
        path: "procurements",
        name: "procurements",
        component: () => import("../views/ProcurementsView.vue"),
        meta: { permission: "read_procurements", title: "nav.procurements" },
      },
      {
        path: "procurements/:id",
        name: "procurement",
        component: () => import("../views/ProcurementDetail.vue"),
        meta: { permission: "read_procurements" },
        props: true,
      },
      {
        path: "contracts",
        name: "contracts",
        component: () => import("../views/ContractsView.vue"),
        meta: { permission: "read_contracts", title: "nav.contracts" },
      },
      {
        path: "contracts/:id",
        name: "contract",
        component: () => import("../views/ContractDetail.vue"),
        meta: { permission: "read_contract_details" },
        props: true,
      },
      {
        path: "people",
        name: "people",
        component: () => import("../views/PeopleView.vue"),
        meta: { permission: "change_participant_status", title: "nav.people" },
      },
      {
        path: "people/:id",
        name: "person",
        component: () => import("../views/PersonView.vue"),
        meta: { permission: "read_participants" },
        props: true,
      },
      {
        path: "people/:id/certificate",
        name: "certificate",
        component: () => import("../views/CertificateView.vue"),
        meta: { permission: "read_participants" },
        props: true,
      },
      {
        path: "volunteers",
        name: "volunteers",
        component: () => import("../views/VolunteersView.vue"),
        meta: { permission: "manage_sessions", title: "nav.volunteers" },
      },
      {
        path: "alerts",
        name: "alerts",
        component: () => import("../views/AlertsView.vue"),
        meta: { permission: "read_alerts", title: "nav.alerts" },
      },
      {
        path: "meetings",
        name: "meetings",
        component: () => import("../views/MeetingsView.vue"),
        meta: { permission: "read_meetings", title: "nav.meetings" },
      },
      {
        path: "notices",
        name: "notices",
        component: () => import("../views/NoticesView.vue"),
        meta: { permission: "read_notices", title: "nav.notices" },
      },
      {
        path: "findings",
        name: "findings",
        component: () => import("../views/FindingsView.vue"),
        meta: { permission: "read_findings", title: "nav.findings" },
      },
      {
        path: "referrals",
        name: "referrals",
        component: () => import("../views/ReferralsView.vue"),
        meta: { permission: "read_referrals", title: "nav.referrals" },
      },
      {
        path: "sessions",
        name: "sessions",
        component: () => import("../views/SessionsView.vue"),
        meta: { permission: "read_sessions", title: "nav.sessions" },
      },
      {
        path: "sessions/:id",
        name: "session",
        component: () => import("../views/SessionView.vue"),
        meta: { permission: "read_sessions" },
        props: true,
      },
      {
        path: "sessions/:id/checkin",
        name: "checkin",
        component: () => import("../views/CheckinView.vue"),
        meta: { permission: "record_attendance" },
        props: true,
      },
      {
        path: "reports",
        name: "reports",
        component: () => import("../views/ReportsView.vue"),
        meta: { permission: "read_reports", title: "nav.reports" },
      },
      {
        path: "admin/organizations",
        name: "organizations",
        component: () => import("../views/admin/OrganizationsView.vue"),
        meta: { permission: "create_organization", title: "nav.organizations" },
      },
      {
        path: "admin/users",
        name: "users",
        component: () => import("../views/admin/UsersView.vue"),
        meta: { permission: "create_user", title: "nav.users" },
      },
      {
        path: "admin/policy",
        name: "policy",
        component: () => import("../views/admin/PolicyView.vue"),
        meta: { permission: "manage_policies", title: "nav.policy" },
      },
      {
        path: "admin/clients",
        name: "clients",
        component: () => import("../views/admin/ClientsView.vue"),
        meta: { permission: "read_api_clients", title: "nav.clients" },
      },
      {
        path: "audit",
        name: "audit",
        component: () => import("../views/AuditView.vue"),
        meta: { permission: "read_audit_events", title: "nav.audit" },
      },
      { path: "403", name: "forbidden", component: () => import("../views/ErrorView.vue"), props: { status: 403 } },
      {
        path: ":rest(.*)*",
        name: "not-found",
        component: () => import("../views/ErrorView.vue"),
        props: { status: 404 },
      },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (!auth.ready) await loadMe();
  if (to.meta.public) return auth.me ? { name: "home" } : true;
  if (!auth.me) return { name: "login", query: to.fullPath === "/" ? {} : { next: to.fullPath } };
  const needed = to.meta.permission;
  if (needed && !can(needed)) return { name: "forbidden", query: { from: to.fullPath } };
  return true;
});
