export { ProfilePageSkeleton as default } from "~/components/catalog/profile-page-skeleton";
