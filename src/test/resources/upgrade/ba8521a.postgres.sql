--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: chat_search_after_chat_write(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.chat_search_after_chat_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN IF NEW.is_active THEN INSERT INTO chat_search (chat_id, search_text) VALUES (NEW.id, chat_search_text(NEW.subject, NEW.user_id)) ON CONFLICT (chat_id) DO UPDATE SET search_text = EXCLUDED.search_text; ELSE DELETE FROM chat_search WHERE chat_id = NEW.id; END IF; RETURN NULL; END $$;


--
-- Name: chat_search_after_user_update(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.chat_search_after_user_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN UPDATE chat_search s SET search_text = chat_search_text(c.subject, c.user_id) FROM chats c WHERE c.user_id = NEW.id AND s.chat_id = c.id; RETURN NULL; END $$;


--
-- Name: chat_search_text(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.chat_search_text(chat_subject text, owner_id text) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT lower(chat_subject || E'\n' || u.full_name || E'\n' || u.email) FROM users u WHERE u.id = owner_id $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: attachments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.attachments (
    id text NOT NULL,
    chat_id text NOT NULL,
    uploader_id text NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL,
    storage_key text NOT NULL,
    created_at bigint NOT NULL
);


--
-- Name: chat_search; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chat_search (
    chat_id text NOT NULL,
    search_text text NOT NULL
);


--
-- Name: chats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chats (
    id text NOT NULL,
    user_id text NOT NULL,
    admin_id text,
    subject text DEFAULT ''::text NOT NULL,
    priority text NOT NULL,
    priority_rank integer NOT NULL,
    status text NOT NULL,
    last_message_id text,
    last_public_message_id text,
    unread_by_admin integer DEFAULT 0 NOT NULL,
    unread_by_user integer DEFAULT 0 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    first_user_message_at bigint,
    first_response_ms bigint,
    resolution_ms bigint,
    last_activity_at bigint NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: identity_token_uses; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identity_token_uses (
    jti_hash text NOT NULL,
    expires_at bigint NOT NULL
);


--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    id text NOT NULL,
    chat_id text NOT NULL,
    sender_id text NOT NULL,
    sender_is_admin boolean NOT NULL,
    content text NOT NULL,
    message_type text NOT NULL,
    attachments text DEFAULT '[]'::text NOT NULL,
    is_read_by_admin boolean NOT NULL,
    is_read_by_user boolean NOT NULL,
    is_internal_note boolean NOT NULL,
    is_edited boolean DEFAULT false NOT NULL,
    client_message_id text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);


--
-- Name: refresh_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refresh_tokens (
    id text NOT NULL,
    family_id text NOT NULL,
    user_id text NOT NULL,
    token_hash text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    used_at bigint,
    revoked_at bigint
);


--
-- Name: schema_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_version (
    version integer NOT NULL,
    description text NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: sender_message_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sender_message_counts (
    sender_id text NOT NULL,
    messages bigint NOT NULL,
    public_replies bigint NOT NULL
);


--
-- Name: user_context; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_context (
    user_id text NOT NULL,
    page_url text,
    page_title text,
    browser text,
    language text,
    time_zone text,
    updated_at bigint NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id text NOT NULL,
    email text NOT NULL,
    username text,
    full_name text NOT NULL,
    password_hash text NOT NULL,
    is_admin boolean DEFAULT false NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    kind text DEFAULT 'account'::text NOT NULL,
    external_id text,
    email_verified boolean DEFAULT false NOT NULL,
    merged_into text
);


--
-- Data for Name: attachments; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: chat_search; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.chat_search VALUES ('6b14c3ade24e8ab858858633', 'invoice question
ann old
ann@example.com');


--
-- Data for Name: chats; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.chats VALUES ('6b14c3ade24e8ab858858633', '6b14c3ace24e8ab858858630', NULL, 'Invoice question', 'MEDIUM', 2, 'OPEN', '6b14c3aee24e8ab858858638', '6b14c3aee24e8ab858858638', 2, 1, true, 1796522925782, 546, NULL, 1796522926328, 1796522925722, 1796522926328);


--
-- Data for Name: identity_token_uses; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages VALUES ('6b14c3ade24e8ab858858634', '6b14c3ade24e8ab858858633', '6b14c3ace24e8ab858858630', false, 'hello from before Flyway', 'TEXT', '[]', false, true, false, false, NULL, 1796522925782, 1796522925782);
INSERT INTO public.messages VALUES ('6b14c3ade24e8ab858858635', '6b14c3ade24e8ab858858633', '6b14c3ace24e8ab858858630', false, 'second message', 'TEXT', '[]', false, true, false, false, NULL, 1796522925895, 1796522925895);
INSERT INTO public.messages VALUES ('6b14c3aee24e8ab858858638', '6b14c3ade24e8ab858858633', '6b14c3a8e24e8ab85885862f', true, 'admin reply', 'TEXT', '[]', true, false, false, false, NULL, 1796522926328, 1796522926328);


--
-- Data for Name: refresh_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refresh_tokens VALUES ('6b14c3ade24e8ab858858632', '6b14c3ade24e8ab858858631', '6b14c3ace24e8ab858858630', 'e29b397a630ca2e25ba43fafeba75f9e76d4511d4592a1c1ca006295e5ab3c36', 1796522925436, 1797386925436, NULL, NULL);
INSERT INTO public.refresh_tokens VALUES ('6b14c3aee24e8ab858858637', '6b14c3aee24e8ab858858636', '6b14c3a8e24e8ab85885862f', '815687e450df48873154051edbef19a863304bcbdc63b759df282a7b156b7cad', 1796522926250, 1797386926250, NULL, NULL);
INSERT INTO public.refresh_tokens VALUES ('6b14c3aee24e8ab85885863b', '6b14c3aee24e8ab85885863a', '6b14c3aee24e8ab858858639', 'c8be13631465d6d6d58b9568e0eb641631474a6ce3fe217bfb9055209187cdff', 1796522926491, 1797386926491, NULL, NULL);


--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.schema_version VALUES (1, 'V1__users_and_sessions.sql', 1796522917982);
INSERT INTO public.schema_version VALUES (2, 'V2__chats_and_messages.sql', 1796522918194);
INSERT INTO public.schema_version VALUES (3, 'V3__query_indexes.sql', 1796522918221);
INSERT INTO public.schema_version VALUES (4, 'V4__message_counters.sql', 1796522918264);
INSERT INTO public.schema_version VALUES (5, 'V5__chat_search.postgres.sql', 1796522918326);
INSERT INTO public.schema_version VALUES (6, 'V6__chat_search_active_only.postgres.sql', 1796522918332);
INSERT INTO public.schema_version VALUES (7, 'V7__visitors_and_identity.sql', 1796522918366);


--
-- Data for Name: sender_message_counts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sender_message_counts VALUES ('6b14c3ace24e8ab858858630', 2, 0);
INSERT INTO public.sender_message_counts VALUES ('6b14c3a8e24e8ab85885862f', 1, 1);


--
-- Data for Name: user_context; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.users VALUES ('6b14c3a8e24e8ab85885862f', 'boss@example.com', NULL, 'Support', '$2b$10$JpXzHXBEfxMSZ8.NVnq.sePCG4v0DGuij.F5Rn8mDzTStZxmKqtJS', true, 1796522920011, 1796522920011, 'account', NULL, false, NULL);
INSERT INTO public.users VALUES ('6b14c3ace24e8ab858858630', 'ann@example.com', NULL, 'Ann Old', '$2b$10$p8zmfxddQfmcnlx6IW499eMoDohovl2HE.a5.DglNZnaOzk4S.s8q', false, 1796522924034, 1796522924034, 'account', NULL, false, NULL);
INSERT INTO public.users VALUES ('6b14c3aee24e8ab858858639', '', NULL, 'Visitor 8639', '', false, 1796522926477, 1796522926477, 'visitor', NULL, false, NULL);


--
-- Name: attachments attachments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);


--
-- Name: chat_search chat_search_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chat_search
    ADD CONSTRAINT chat_search_pkey PRIMARY KEY (chat_id);


--
-- Name: chats chats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chats
    ADD CONSTRAINT chats_pkey PRIMARY KEY (id);


--
-- Name: identity_token_uses identity_token_uses_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identity_token_uses
    ADD CONSTRAINT identity_token_uses_pkey PRIMARY KEY (jti_hash);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);


--
-- Name: refresh_tokens refresh_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id);


--
-- Name: schema_version schema_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (version);


--
-- Name: sender_message_counts sender_message_counts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sender_message_counts
    ADD CONSTRAINT sender_message_counts_pkey PRIMARY KEY (sender_id);


--
-- Name: user_context user_context_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_context
    ADD CONSTRAINT user_context_pkey PRIMARY KEY (user_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: ix_attachments_chat; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_attachments_chat ON public.attachments USING btree (chat_id);


--
-- Name: ix_chat_search_trigram; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chat_search_trigram ON public.chat_search USING gin (search_text public.gin_trgm_ops);


--
-- Name: ix_chats_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_created_at ON public.chats USING btree (created_at);


--
-- Name: ix_chats_first_response; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_first_response ON public.chats USING btree (first_response_ms);


--
-- Name: ix_chats_list; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_list ON public.chats USING btree (last_activity_at, priority_rank, id) WHERE (is_active = true);


--
-- Name: ix_chats_list_admin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_list_admin ON public.chats USING btree (admin_id, last_activity_at, priority_rank, id) WHERE (is_active = true);


--
-- Name: ix_chats_list_priority; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_list_priority ON public.chats USING btree (priority, last_activity_at, priority_rank, id) WHERE (is_active = true);


--
-- Name: ix_chats_list_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_list_status ON public.chats USING btree (status, last_activity_at, priority_rank, id) WHERE (is_active = true);


--
-- Name: ix_chats_resolution; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_resolution ON public.chats USING btree (resolution_ms);


--
-- Name: ix_chats_user_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chats_user_created ON public.chats USING btree (user_id, created_at);


--
-- Name: ix_identity_token_uses_expires; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_identity_token_uses_expires ON public.identity_token_uses USING btree (expires_at);


--
-- Name: ix_messages_chat_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_messages_chat_created ON public.messages USING btree (chat_id, created_at, id);


--
-- Name: ix_refresh_tokens_family_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refresh_tokens_family_id ON public.refresh_tokens USING btree (family_id);


--
-- Name: ix_refresh_tokens_user_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refresh_tokens_user_id ON public.refresh_tokens USING btree (user_id);


--
-- Name: ix_users_is_admin; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_users_is_admin ON public.users USING btree (is_admin);


--
-- Name: ux_chats_one_active_per_user; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_chats_one_active_per_user ON public.chats USING btree (user_id) WHERE is_active;


--
-- Name: ux_messages_client_message_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_messages_client_message_id ON public.messages USING btree (chat_id, sender_id, client_message_id);


--
-- Name: ux_refresh_tokens_token_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_refresh_tokens_token_hash ON public.refresh_tokens USING btree (token_hash);


--
-- Name: ux_users_account_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_users_account_email ON public.users USING btree (email) WHERE (kind = 'account'::text);


--
-- Name: ux_users_external_id; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_users_external_id ON public.users USING btree (external_id);


--
-- Name: ux_users_username; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_users_username ON public.users USING btree (username);


--
-- Name: chats chat_search_on_chat_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chat_search_on_chat_insert AFTER INSERT ON public.chats FOR EACH ROW EXECUTE FUNCTION public.chat_search_after_chat_write();


--
-- Name: chats chat_search_on_chat_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chat_search_on_chat_update AFTER UPDATE OF subject, user_id, is_active ON public.chats FOR EACH ROW EXECUTE FUNCTION public.chat_search_after_chat_write();


--
-- Name: users chat_search_on_user_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chat_search_on_user_update AFTER UPDATE OF full_name, email ON public.users FOR EACH ROW EXECUTE FUNCTION public.chat_search_after_user_update();


--
-- Name: attachments attachments_chat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_chat_id_fkey FOREIGN KEY (chat_id) REFERENCES public.chats(id);


--
-- Name: attachments attachments_uploader_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_uploader_id_fkey FOREIGN KEY (uploader_id) REFERENCES public.users(id);


--
-- Name: chat_search chat_search_chat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chat_search
    ADD CONSTRAINT chat_search_chat_id_fkey FOREIGN KEY (chat_id) REFERENCES public.chats(id) ON DELETE CASCADE;


--
-- Name: chats chats_admin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chats
    ADD CONSTRAINT chats_admin_id_fkey FOREIGN KEY (admin_id) REFERENCES public.users(id);


--
-- Name: chats chats_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chats
    ADD CONSTRAINT chats_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: messages messages_chat_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_chat_id_fkey FOREIGN KEY (chat_id) REFERENCES public.chats(id);


--
-- Name: messages messages_sender_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES public.users(id);


--
-- Name: refresh_tokens refresh_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refresh_tokens
    ADD CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: sender_message_counts sender_message_counts_sender_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sender_message_counts
    ADD CONSTRAINT sender_message_counts_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES public.users(id);


--
-- Name: user_context user_context_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_context
    ADD CONSTRAINT user_context_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


