-- Runs once, when the PostgreSQL volume is first initialised: a database for the self-hosted
-- Inngest server next to Vendorwatch's own (docker-compose.yml).
CREATE DATABASE inngest;
